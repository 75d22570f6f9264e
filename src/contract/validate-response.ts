import { BUILTIN_MODULES } from '../apis/registry.js';
import type { ApiModule, ApiName } from '../core/api-module.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { JobsKitError } from '../core/kit-error.js';
import type { OpenApiDocument } from '../spec/openapi-types.js';
import { compileModule, compileSpec, documentName, type CompiledSpec } from './compiled-spec.js';

export interface ValidateResponseInput {
  /** A built-in API by name, an API module, or any OpenAPI 3.1 document. */
  api: ApiName | ApiModule<any> | OpenApiDocument;
  operationId: string;
  status: number;
  /** Response headers (any case, or a Fetch `Headers`). */
  headers?: Record<string, string> | Headers;
  /** The parsed JSON body (or the text for other media types); omit for none. */
  body?: unknown;
}

/** The compiled spec of an API source, compiled once per document and reused by every later call. */
export function compiledSpecOf(api: ValidateResponseInput['api']): CompiledSpec {
  if (typeof api === 'string') {
    const module = BUILTIN_MODULES[api];
    if (!module) throw new JobsKitError('JOBSKIT_UNKNOWN_API', `unknown API "${api}"`);
    return compileModule(module);
  }
  if ('handlers' in api && 'spec' in api) return compileModule(api);
  return compileSpec(documentName(api as OpenApiDocument), api as OpenApiDocument);
}

export function headerRecord(headers: Record<string, string> | Headers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      out[name.toLowerCase()] = value;
    });
    return out;
  }
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/**
 * Checks one response against the operation's documented responses: status documented, content
 * type declared, body valid, required headers present. Returns diagnostics (empty = conforms);
 * throws only for misuse (an unknown API or operation).
 */
export function validateResponse(input: ValidateResponseInput): Diagnostic[] {
  const compiled = compiledSpecOf(input.api);
  const validator = compiled.validators.get(input.operationId);
  if (!validator) {
    throw new JobsKitError('JOBSKIT_UNKNOWN_OPERATION', `${compiled.name} has no operation "${input.operationId}"`, `operations: ${compiled.index.operations.map((o) => o.operationId).join(', ')}`);
  }
  return validator.response({ status: input.status, headers: headerRecord(input.headers), body: input.body });
}
