import { buildRequest } from '../../src/contract/build-request.js';
import type { ApiModule } from '../../src/core/api-module.js';
import type { MockRequest } from '../../src/core/http.js';
import type { MediaTypeObject, OpenApiDocument, RefObject } from '../../src/spec/openapi-types.js';
import { resolveObject } from '../../src/spec/resolve-ref.js';
import { basePathOf, type OperationSpec } from '../../src/spec/spec-index.js';

/**
 * Named examples as engine requests, for API tests that pin a documented body exactly. Whether each
 * named request gets its documented status is the contract runner's `example` check, which
 * test/contract/builtin-apis.test.ts runs against all five mocks; these helpers build the same
 * requests the same way (src/contract/build-request.ts), so the two cannot drift apart.
 */
export function exampleRequest(module: ApiModule<any>, operation: OperationSpec, name: string, headers = module.auth.devCredentials()[0]!.headers): MockRequest {
  const built = buildRequest(module.spec, operation, name, headers);
  if (!built.ok) throw new Error(`${operation.operationId} "${name}": ${built.reason}`);
  const { request } = built;
  return {
    method: request.method,
    path: `${basePathOf(module.spec)}${request.path}`,
    rawQuery: new URLSearchParams(request.query).toString(),
    headers: request.body ? { ...request.headers, 'content-type': request.body.mediaType } : request.headers,
    bodyText: request.body?.text,
  };
}

/** The value of the response example `name` documented for `status` (JSON responses). */
export function documentedExample(module: ApiModule<any>, operation: OperationSpec, status: number, name: string): unknown {
  const media = operation.responses[String(status)]?.content?.[module.mediaType] as MediaTypeObject | undefined;
  const raw = media?.examples?.[name] as RefObject | { value: unknown } | undefined;
  if (raw === undefined) throw new Error(`${operation.operationId}: no ${status} response example "${name}"`);
  return resolveObject<{ value: unknown }>(module.spec as OpenApiDocument, raw).value;
}
