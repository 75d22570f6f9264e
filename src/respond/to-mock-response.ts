import type { Reply } from '../core/api-module.js';
import type { MockResponse } from '../core/http.js';

/** Serialises a reply once: JSON for values, nothing for an absent body (204, 304). */
export function toMockResponse(reply: Reply, mediaType: string): MockResponse {
  const headers: Record<string, string> = {};
  if (reply.body !== undefined) headers['content-type'] = mediaType;
  if (reply.headers) for (const [name, value] of Object.entries(reply.headers)) headers[name.toLowerCase()] = value;
  const bodyText = reply.body === undefined ? '' : typeof reply.body === 'string' && !headers['content-type']?.includes('json') ? reply.body : JSON.stringify(reply.body);
  return { status: reply.status, headers, body: reply.body, bodyText };
}
