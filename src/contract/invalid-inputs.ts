import type { JsonSchema, OpenApiDocument, ParameterObject } from '../spec/openapi-types.js';
import type { OperationValidator } from '../validation/compile-operation.js';
import { isJsonMediaType } from '../validation/media-type.js';
import { bodyExample, serialiseBody } from './build-request.js';
import { derefSchema, findEnumPath, REMOVE, schemaType, withValueAt, wrongTypeValue } from './schema-walk.js';

export interface InvalidBody {
  /** `missing-required /name`, `wrong-type /size`, `unknown-enum /priority`. */
  label: string;
  mediaType: string;
  value: unknown;
}

/**
 * Invalid bodies (JSON or form) derived from the `success` body example and its schema: one missing required
 * field, one wrong type, one unknown enum value. A mutation the spec's own validator would still
 * accept is dropped, so every probe is invalid by the spec, not by guesswork.
 */
export function invalidBodies(document: OpenApiDocument, validator: OperationValidator): InvalidBody[] {
  const example = bodyExample(document, validator.operation, 'success');
  // JSON and form bodies have fields to break; other media types (plain text, binary) are left alone.
  if (!example || !(isJsonMediaType(example.mediaType) || example.mediaType === 'application/x-www-form-urlencoded')) return [];
  const { mediaType, value } = example;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const schema = derefSchema(document, validator.operation.requestBody?.content[mediaType]?.schema);
  const properties = (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  const required = ((schema['required'] as string[] | undefined) ?? []).filter((r) => r in value);
  const candidates: InvalidBody[] = [];
  if (required[0]) candidates.push({ label: `missing-required /${required[0]}`, mediaType, value: withValueAt(value, [required[0]], REMOVE) });
  const typed = [...required, ...Object.keys(value)].find((k) => properties[k] && schemaType(derefSchema(document, properties[k])));
  if (typed) {
    const type = schemaType(derefSchema(document, properties[typed]))!;
    candidates.push({ label: `wrong-type /${typed}`, mediaType, value: withValueAt(value, [typed], wrongTypeValue(type)) });
  }
  const enumPath = findEnumPath(document, schema, value);
  if (enumPath && enumPath.length > 0) candidates.push({ label: `unknown-enum /${enumPath.join('/')}`, mediaType, value: withValueAt(value, enumPath, 'NOT_A_DOCUMENTED_VALUE') });
  return candidates.filter((c) => validator.body(c.mediaType, serialiseBody(c.mediaType, c.value)).kind === 'invalid');
}

function paramCandidates(node: Record<string, unknown>): string[] {
  const out: string[] = [];
  const type = schemaType(node);
  if (Array.isArray(node['enum'])) out.push('NOT_A_DOCUMENTED_VALUE');
  if (type === 'integer' || type === 'number') {
    out.push('not-a-number');
    if (typeof node['minimum'] === 'number') out.push(String(node['minimum'] - 1));
    if (typeof node['maximum'] === 'number') out.push(String(node['maximum'] + 1));
  }
  if (type === 'boolean') out.push('not-a-boolean');
  if (type === 'string') {
    if (typeof node['pattern'] === 'string') out.push('!!not-matching!!');
    if (typeof node['maxLength'] === 'number' && node['maxLength'] <= 4096) out.push('x'.repeat(node['maxLength'] + 1));
    if (typeof node['minLength'] === 'number' && node['minLength'] > 0) out.push('');
    if (node['format'] === 'date-time' || node['format'] === 'date') out.push('not-a-date');
  }
  return out;
}

export interface InvalidParam {
  param: ParameterObject;
  value: string;
}

/**
 * For each path and query parameter with something to break (type, enum, bounds, pattern, length),
 * the first value the spec's own validator refuses, given the other parameters' valid values.
 */
export function invalidParams(document: OpenApiDocument, validator: OperationValidator, valid: { path: Record<string, string>; query: [string, string][] }): InvalidParam[] {
  const out: InvalidParam[] = [];
  for (const param of validator.operation.parameters) {
    if (param.in !== 'path' && param.in !== 'query') continue;
    for (const value of paramCandidates(derefSchema(document, param.schema))) {
      // An empty path segment would route to another operation (`/jobs/` is the list), not probe this one.
      if (value === '' && param.in === 'path') continue;
      const path = param.in === 'path' ? { ...valid.path, [param.name]: value } : valid.path;
      const query = new URLSearchParams(valid.query.filter(([k]) => k !== param.name));
      if (param.in === 'query') query.append(param.name, value);
      const diagnostics = validator.params({ path, query, headers: {} }).diagnostics;
      if (diagnostics.some((d) => d.location === param.in && d.path.split('/')[0] === param.name)) {
        out.push({ param, value });
        break;
      }
    }
  }
  return out;
}
