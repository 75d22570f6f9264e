import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import type { JsonSchema, OpenApiDocument } from '../spec/openapi-types.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped in the module object.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsImport as unknown as { default?: AddFormats }).default ?? addFormatsImport) as unknown as AddFormats;

/** OpenAPI 3.1 keywords that are annotations to JSON Schema 2020-12: accepted, not validated. */
const OPENAPI_KEYWORDS = ['example', 'xml', 'externalDocs', 'discriminator'];

const INT32 = { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 } as const;
const INT64 = { type: 'number', validate: (n: number) => Number.isInteger(n) } as const;
const ANY_NUMBER = { type: 'number', validate: () => true } as const;
const ANY_STRING = { type: 'string', validate: () => true } as const;

export type SchemaUrn = (api: string, pointer: string) => string;

/** Stable $id for a component schema: `#/components/schemas/Job` → `urn:jobs-kit:iot:schemas:Job`. */
export function componentUrn(api: string, ref: string): string {
  const match = /^#\/components\/schemas\/([^/]+)(\/.*)?$/.exec(ref);
  if (!match) return ref;
  return `urn:jobs-kit:${api}:schemas:${match[1]}${match[2] ? `#${match[2]}` : ''}`;
}

/** Deep-copies a schema, pointing local component $refs at the registered component ids. */
export function rewriteRefs(api: string, schema: unknown, extensions: Set<string>): unknown {
  if (Array.isArray(schema)) return schema.map((s) => rewriteRefs(api, s, extensions));
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-')) extensions.add(key);
    if (key === '$ref' && typeof value === 'string') out[key] = componentUrn(api, value);
    else if (key === 'example' || key === 'examples' || key === 'enum' || key === 'const' || key === 'default') out[key] = value;
    else out[key] = rewriteRefs(api, value, extensions);
  }
  return out;
}

export interface AjvPair {
  /** Coerces types and fills defaults: for path, query and header parameters only. */
  params: Ajv2020;
  /** Exact: for request and response bodies. */
  exact: Ajv2020;
}

function newAjv(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    allowUnionTypes: true,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: coerce,
    validateFormats: true,
  });
  addFormats(ajv);
  ajv.addFormat('int32', INT32);
  ajv.addFormat('int64', INT64);
  ajv.addFormat('float', ANY_NUMBER);
  ajv.addFormat('double', ANY_NUMBER);
  for (const f of ['byte', 'binary', 'password']) ajv.addFormat(f, ANY_STRING);
  ajv.addVocabulary(OPENAPI_KEYWORDS);
  return ajv;
}

/** Two Ajv instances with every component schema of the spec registered under a stable id. */
export function createAjvPair(api: string, document: OpenApiDocument): AjvPair {
  const pair: AjvPair = { params: newAjv(true), exact: newAjv(false) };
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
