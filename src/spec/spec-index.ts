import { JobsKitError } from '../core/kit-error.js';
import {
  HTTP_METHODS,
  type HttpMethod,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type RequestBodyObject,
  type ResponseObject,
  type SecurityRequirement,
} from './openapi-types.js';
import { resolveObject } from './resolve-ref.js';

/** One operation with its references resolved and its path-level parameters merged in. */
export interface OperationSpec {
  api: string;
  operationId: string;
  /** Upper-case HTTP method. */
  method: Uppercase<HttpMethod>;
  /** The spec's path template, relative to the base path (`/jobs/{jobId}`). */
  path: string;
  parameters: ParameterObject[];
  requestBody: RequestBodyObject | undefined;
  responses: Record<string, ResponseObject>;
  security: SecurityRequirement[];
  /** False when the operation declares `security: []` (or a `{}` alternative): it is public. */
  requiresAuth: boolean;
  operation: OperationObject;
}

export interface SpecIndex {
  api: string;
  document: OpenApiDocument;
  /** Path part of the first server URL, variables at their defaults (`/api/v1`), '' for none. */
  basePath: string;
  operations: OperationSpec[];
  byId: ReadonlyMap<string, OperationSpec>;
  get(operationId: string): OperationSpec;
}

export function basePathOf(document: OpenApiDocument): string {
  const server = document.servers?.[0];
  if (!server) return '';
  let url = server.url;
  for (const [name, variable] of Object.entries(server.variables ?? {})) url = url.split(`{${name}}`).join(variable.default);
  const path = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? new URL(url).pathname : url;
  return path.replace(/\/+$/, '');
}

export function indexSpec(api: string, document: OpenApiDocument): SpecIndex {
  const operations: OperationSpec[] = [];
  const byId = new Map<string, OperationSpec>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const shared = (item.parameters ?? []).map((p) => resolveObject<ParameterObject>(document, p));
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const operationId = operation.operationId;
      if (!operationId) throw new JobsKitError('JOBSKIT_SPEC_INVALID', `${api}: ${method.toUpperCase()} ${path} has no operationId`);
      if (byId.has(operationId)) throw new JobsKitError('JOBSKIT_SPEC_INVALID', `${api}: operationId "${operationId}" is used twice`);
      const own = (operation.parameters ?? []).map((p) => resolveObject<ParameterObject>(document, p));
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      const responses: Record<string, ResponseObject> = {};
      for (const [status, response] of Object.entries(operation.responses ?? {})) responses[status] = resolveObject<ResponseObject>(document, response);
      const security = operation.security ?? document.security ?? [];
      const spec: OperationSpec = {
        api,
        operationId,
        method: method.toUpperCase() as Uppercase<HttpMethod>,
        path,
        parameters,
        requestBody: operation.requestBody ? resolveObject<RequestBodyObject>(document, operation.requestBody) : undefined,
        responses,
        security,
        requiresAuth: security.length > 0 && !security.some((s) => Object.keys(s).length === 0),
        operation,
      };
      operations.push(spec);
      byId.set(operationId, spec);
    }
  }
  return {
    api,
    document,
    basePath: basePathOf(document),
    operations,
    byId,
    get(operationId) {
      const op = byId.get(operationId);
      if (!op) throw new JobsKitError('JOBSKIT_UNKNOWN_OPERATION', `${api} has no operation "${operationId}"`);
      return op;
    },
  };
}
