import type { JsonSchema, OpenApiDocument } from '../spec/openapi-types.js';
import { isRef, readPointer } from '../spec/resolve-ref.js';

export type SchemaNode = Record<string, unknown>;

/**
 * A schema with its `$ref` chain followed and its `allOf` parts merged (properties, required, type,
 * enum): enough to derive invalid inputs from. `oneOf`/`anyOf` are left alone, as the probes only
 * need one property they can be sure about.
 */
export function derefSchema(document: OpenApiDocument, schema: JsonSchema | undefined, depth = 0): SchemaNode {
  let node: unknown = schema;
  for (let i = 0; i < 20 && isRef(node); i++) node = readPointer(document, node.$ref);
  if (typeof node !== 'object' || node === null || depth > 10) return {};
  const own = node as SchemaNode;
  const parts = Array.isArray(own['allOf']) ? (own['allOf'] as JsonSchema[]).map((p) => derefSchema(document, p, depth + 1)) : [];
  if (parts.length === 0) return own;
  const merged: SchemaNode = { ...own };
  const properties: Record<string, JsonSchema> = {};
  const required = new Set<string>();
  for (const part of [...parts, own]) {
    Object.assign(properties, (part['properties'] as Record<string, JsonSchema> | undefined) ?? {});
    for (const r of (part['required'] as string[] | undefined) ?? []) required.add(r);
    for (const key of ['type', 'enum', 'pattern', 'format']) if (part[key] !== undefined && merged[key] === undefined) merged[key] = part[key];
  }
  merged['properties'] = properties;
  merged['required'] = [...required];
  return merged;
}

/** The single JSON type a schema allows (`integer` counts as `number`'s stricter kin), or undefined. */
export function schemaType(node: SchemaNode): string | undefined {
  const type = node['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const concrete = type.filter((t) => t !== 'null');
    return concrete.length === 1 ? (concrete[0] as string) : undefined;
  }
  if (Array.isArray(node['enum']) && node['enum'].every((v) => typeof v === 'string')) return 'string';
  if (node['properties']) return 'object';
  return undefined;
}

/** A value of a different JSON type than `type`, so a validator must refuse it. */
export function wrongTypeValue(type: string): unknown {
  switch (type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'not-a-boolean';
    case 'array':
      return 'not-an-array';
    default:
      return 'not-an-object';
  }
}

/** JSON-pointer-like path (as an array) to the first enum-typed string in `value`, following the schema. */
export function findEnumPath(document: OpenApiDocument, schema: JsonSchema | undefined, value: unknown, path: string[] = [], depth = 0): string[] | undefined {
  if (depth > 8) return undefined;
  const node = derefSchema(document, schema);
  if (Array.isArray(node['enum']) && typeof value === 'string') return path;
  if (Array.isArray(value)) {
    return value.length > 0 && node['items'] ? findEnumPath(document, node['items'] as JsonSchema, value[0], [...path, '0'], depth + 1) : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, sub] of Object.entries((node['properties'] as Record<string, JsonSchema> | undefined) ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const found = findEnumPath(document, sub, (value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A deep copy of `value` with the node at `path` replaced (or removed when `to` is REMOVE). */
export const REMOVE = Symbol('remove');
export function withValueAt(value: unknown, path: string[], to: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (to === REMOVE) delete node[last];
  else node[last] = to;
  return copy;
}
