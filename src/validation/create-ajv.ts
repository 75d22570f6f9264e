import { Ajv2020, _ } from 'ajv/dist/2020.js';
import type { JsonSchema, OpenApiDocument } from '../spec/openapi-types.js';
import { jobsKitFormats } from './formats.js';

/** OpenAPI 3.1 keywords that are annotations to JSON Schema 2020-12: accepted, not validated. */
const OPENAPI_KEYWORDS = ['example', 'xml', 'externalDocs', 'discriminator'];

/** Stable $id for a component schema: `#/components/schemas/Job` → `urn:jobs-kit:iot:schemas:Job`. */
export function componentUrn(api: string, ref: string): string {
  const match = /^#\/components\/schemas\/([^/]+)(\/.*)?$/.exec(ref);
  if (!match) return ref;
  return `urn:jobs-kit:${api}:schemas:${match[1]}${match[2] ? `#${match[2]}` : ''}`;
}

/** Keywords whose value is a map of name → schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is a schema or a list of schemas. */
const SUBSCHEMAS = new Set(['items', 'prefixItems', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'contains', 'propertyNames']);
/** Annotations that never change a validation result: dropped, so validators (and generated code) stay small. */
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'externalDocs', 'xml', 'deprecated', '$comment', 'discriminator']);

/**
 * Deep-copies a schema for Ajv: local component `$ref`s point at the registered component ids,
 * annotations and `x-` extensions are dropped (`extensions` collects the extension names seen).
 */
export function rewriteRefs(api: string, schema: unknown, extensions: Set<string>): unknown {
  if (Array.isArray(schema)) return schema.map((s) => rewriteRefs(api, s, extensions));
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-')) extensions.add(key);
    else if (ANNOTATIONS.has(key)) continue;
    else if (key === '$ref' && typeof value === 'string') out[key] = componentUrn(api, value);
    else if (SCHEMA_MAPS.has(key) && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, rewriteRefs(api, sub, extensions)]));
    } else if (SUBSCHEMAS.has(key)) out[key] = rewriteRefs(api, value, extensions);
    else out[key] = value;
  }
  return out;
}

export interface AjvPair {
  /** Coerces types and fills defaults: for path, query and header parameters only. */
  params: Ajv2020;
  /** Exact: for request and response bodies. */
  exact: Ajv2020;
}

/**
 * `source`: keep each validator's generated code so `npm run generate` can write it out as standalone
 * modules (formats are then referenced as `jobsKitFormats[name]`, imported by the generated file).
 */
function newAjv(coerce: boolean, source: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    allowUnionTypes: true,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: coerce,
    validateFormats: true,
    code: source ? { source: true, esm: true, formats: _`jobsKitFormats` } : {},
    // Standalone code shares one function per component schema instead of inlining it at every use.
    inlineRefs: !source,
  });
  for (const [name, format] of Object.entries(jobsKitFormats)) ajv.addFormat(name, format);
  ajv.addVocabulary(OPENAPI_KEYWORDS);
  return ajv;
}

/** Two Ajv instances with every component schema of the spec registered under a stable id. */
export function createAjvPair(api: string, document: OpenApiDocument, options: { source?: boolean } = {}): AjvPair {
  const pair: AjvPair = { params: newAjv(true, options.source ?? false), exact: newAjv(false, options.source ?? false) };
  const extensions = new Set<string>();
  const schemas = Object.entries(document.components?.schemas ?? {}).map(
    ([name, schema]) => [name, rewriteRefs(api, schema, extensions) as JsonSchema] as const,
  );
  for (const ajv of [pair.params, pair.exact]) {
    for (const key of extensions) ajv.addKeyword(key);
    for (const [name, schema] of schemas) ajv.addSchema(schema as object, `urn:jobs-kit:${api}:schemas:${name}`);
  }
  return pair;
}

/** Registers x- keywords found in a schema compiled later (inline schemas in operations). */
export function allowExtensions(pair: AjvPair, extensions: Set<string>): void {
  for (const key of extensions) {
    for (const ajv of [pair.params, pair.exact]) if (!ajv.getKeyword(key)) ajv.addKeyword(key);
  }
}
