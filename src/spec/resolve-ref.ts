import { JobsKitError } from '../core/kit-error.js';
import type { OpenApiDocument, RefObject } from './openapi-types.js';

export function isRef(value: unknown): value is RefObject {
  return typeof value === 'object' && value !== null && typeof (value as RefObject).$ref === 'string';
}

/** Reads a local JSON pointer (`#/components/...`) from the document. */
export function readPointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) throw new JobsKitError('JOBSKIT_SPEC_INVALID', `only local $refs are supported, got "${ref}"`);
  let node: unknown = document;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(key in node)) {
      throw new JobsKitError('JOBSKIT_SPEC_INVALID', `$ref "${ref}" points at nothing`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Follows $ref chains on OpenAPI objects (parameters, responses, bodies, examples); schemas stay referenced for Ajv. */
export function resolveObject<T>(document: OpenApiDocument, value: T | RefObject, depth = 0): T {
  if (!isRef(value)) return value;
  if (depth > 20) throw new JobsKitError('JOBSKIT_SPEC_INVALID', `$ref cycle at "${value.$ref}"`);
  return resolveObject(document, readPointer(document, value.$ref) as T | RefObject, depth + 1);
}
