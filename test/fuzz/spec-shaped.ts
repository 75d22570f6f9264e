import fc from 'fast-check';
import type { ApiName } from '../../src/core/api-module.js';
import type { MockRequest } from '../../src/core/http.js';
import { buildRequest } from '../../src/contract/build-request.js';
import type { OpenApiDocument } from '../../src/spec/openapi-types.js';
import type { SpecIndex } from '../../src/spec/spec-index.js';
import { isJsonMediaType } from '../../src/validation/media-type.js';

/** Each operation's request built from its spec examples: a valid path, parameters and body that reach the handler. */
export function exampleRequestsByOperation(document: OpenApiDocument, index: SpecIndex): { operationId: string; request: MockRequest }[] {
  const out: { operationId: string; request: MockRequest }[] = [];
  for (const operation of index.operations) {
    const built = buildRequest(document, operation, 'success', {});
    if (!built.ok) continue;
    const { request } = built;
    out.push({
      operationId: operation.operationId,
      request: {
        method: request.method.toUpperCase(),
        path: index.basePath + request.path,
        rawQuery: new URLSearchParams(request.query).toString(),
        headers: { ...request.headers, ...(request.body ? { 'content-type': request.body.mediaType } : {}) },
        bodyText: request.body?.text,
      },
    });
  }
  return out;
}

/** The same requests without their operation ids. */
export function exampleRequests(document: OpenApiDocument, index: SpecIndex): MockRequest[] {
  return exampleRequestsByOperation(document, index).map((e) => e.request);
}

/** Replaces (or adds) one top-level field of a JSON object body; other bodies are left alone. */
function withField(request: MockRequest, key: string, value: unknown): MockRequest {
  if (!request.bodyText || !isJsonMediaType(request.headers['content-type'] ?? '')) return request;
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.bodyText);
  } catch {
    return request;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return request;
  const keys = Object.keys(parsed);
  const target = key === '' && keys.length > 0 ? keys[value === null ? 0 : keys.length - 1]! : key;
  // Built as text so a `__proto__` key arrives as JSON, the way a client would send it.
  const rest = Object.fromEntries(Object.entries(parsed).filter(([k]) => k !== target));
  const text = JSON.stringify(rest).slice(0, -1);
  return { ...request, bodyText: `${text}${text.length > 1 ? ',' : ''}${JSON.stringify(target)}:${JSON.stringify(value)}}` };
}

/**
 * Spec-shaped requests for one API: an operation's example request, sent as is (a write that lands) or
 * with one body field or query parameter swapped for a hostile value.
 */
export function specShaped(api: ApiName, document: OpenApiDocument, index: SpecIndex, hostile: fc.Arbitrary<unknown>, hostileKey: fc.Arbitrary<string>): fc.Arbitrary<MockRequest> {
  const requests = exampleRequests(document, index);
  if (requests.length === 0) throw new Error(`${api}: no operation has examples to build requests from`);
  const base = fc.constantFrom(...requests);
  return fc.oneof(
    { weight: 3, arbitrary: base },
    { weight: 2, arbitrary: fc.tuple(base, fc.oneof(fc.constant(''), hostileKey), hostile).map(([r, key, value]) => withField(r, key, value)) },
    {
      weight: 1,
      arbitrary: fc.tuple(base, hostile).map(([r, value]) => {
        const name = new URLSearchParams(r.rawQuery).keys().next().value ?? 'limit';
        return { ...r, rawQuery: `${r.rawQuery}&${encodeURIComponent(name)}=${encodeURIComponent(JSON.stringify(value))}` };
      }),
    },
  );
}
