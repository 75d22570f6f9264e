import type { DoorRequestInit, DoorResponse } from '../conformance/door.js';

export function requestInit(init: DoorRequestInit = {}): RequestInit {
  const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  return { method: init.method ?? 'GET', headers: init.headers ?? {}, body };
}

export function parseDoorBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType && /json/i.test(contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** A Fetch Response as the conformance suites see it. */
export async function toDoorResponse(response: Response): Promise<DoorResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const text = await response.text();
  return { status: response.status, headers, text, body: parseDoorBody(text, headers['content-type']) };
}
