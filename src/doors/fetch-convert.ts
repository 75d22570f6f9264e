import type { MockRequest, MockResponse } from '../core/http.js';

/** Fetch `Request` → plain request (for the fetch and MSW doors; the HTTP server never builds Fetch objects). */
export async function fromFetchRequest(request: Request, path: string): Promise<MockRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const text = hasBody ? await request.text() : '';
  return { method: request.method.toUpperCase(), path, rawQuery: url.search.slice(1), headers, bodyText: text === '' ? undefined : text };
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function toFetchResponse(response: MockResponse): Response {
  const body = NULL_BODY_STATUSES.has(response.status) ? null : (response.bodyText ?? '');
  return new Response(body === '' ? null : body, { status: response.status, headers: response.headers });
}
