import type { ExampleObject, MediaTypeObject, OpenApiDocument, ParameterObject } from '../spec/openapi-types.js';
import { resolveObject } from '../spec/resolve-ref.js';
import type { OperationSpec } from '../spec/spec-index.js';
import { isJsonMediaType } from '../validation/media-type.js';
import type { RequestSpec } from './http-client.js';

export const SUCCESS = 'success';

/** Values the caller already knows (from a link or a probe), by parameter name; they win over examples. */
export interface RequestOverrides {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  /** A body value to send instead of the example (serialised for the chosen media type). */
  body?: { value: unknown };
}

function namedExample(document: OpenApiDocument, examples: Record<string, unknown> | undefined, name: string): { found: boolean; value?: unknown } {
  const ex = examples?.[name];
  if (ex === undefined) return { found: false };
  return { found: true, value: resolveObject<ExampleObject>(document, ex as ExampleObject).value };
}

/**
 * A parameter's value for a named request: its example of that name, else its `success` example.
 * A required parameter may also fall back to any example, `example`, or the schema's examples,
 * default or first enum value; an optional one is left out rather than guessed.
 */
export function paramExample(document: OpenApiDocument, param: ParameterObject, name: string): { found: boolean; value?: unknown } {
  for (const key of [name, SUCCESS]) {
    const hit = namedExample(document, param.examples, key);
    if (hit.found) return hit;
  }
  if (!param.required && param.in !== 'path') return { found: false };
  const first = Object.keys(param.examples ?? {})[0];
  if (first !== undefined) return namedExample(document, param.examples, first);
  if (param.example !== undefined) return { found: true, value: param.example };
  const schema = (typeof param.schema === 'object' ? param.schema : {}) as Record<string, unknown>;
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return { found: true, value: schema['examples'][0] };
  if (schema['default'] !== undefined) return { found: true, value: schema['default'] };
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return { found: true, value: schema['enum'][0] };
  return { found: false };
}

/** The request body for a named request: the media type holding that example (or `success`, or any). */
export function bodyExample(document: OpenApiDocument, operation: OperationSpec, name: string): { mediaType: string; value: unknown } | undefined {
  const content = Object.entries(operation.requestBody?.content ?? {}) as [string, MediaTypeObject][];
  for (const key of [name, SUCCESS]) {
    for (const [mediaType, media] of content) {
      const hit = namedExample(document, media.examples as Record<string, unknown> | undefined, key);
      if (hit.found) return { mediaType, value: hit.value };
    }
  }
  for (const [mediaType, media] of content) {
    if (media.example !== undefined) return { mediaType, value: media.example };
    const first = Object.keys(media.examples ?? {})[0];
    if (first !== undefined) return { mediaType, value: namedExample(document, media.examples as Record<string, unknown>, first).value };
  }
  return undefined;
}

export function serialiseBody(mediaType: string, value: unknown): string {
  if (isJsonMediaType(mediaType)) return JSON.stringify(value);
  if (typeof value === 'string') return value;
  if (mediaType === 'application/x-www-form-urlencoded' && typeof value === 'object' && value !== null) {
    // OpenAPI's default encoding for form fields is style form, explode true: an array repeats its key.
    return new URLSearchParams(Object.entries(value).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((item) => [k, asText(item)]))).toString();
  }
  return JSON.stringify(value);
}

function asText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

export function fillPath(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(Array.isArray(values[name]) ? (values[name] as unknown[]).join(',') : asText(values[name])));
}

export type BuildResult = { ok: true; request: RequestSpec } | { ok: false; reason: string };

/** Builds the request a named example describes (see docs/contract.md, "Positive examples"). */
export function buildRequest(document: OpenApiDocument, operation: OperationSpec, name: string, headers: Record<string, string>, overrides: RequestOverrides = {}): BuildResult {
  const path: Record<string, unknown> = {};
  const query: [string, string][] = [];
  const sent: Record<string, string> = {};
  for (const param of operation.parameters) {
    const override = param.in === 'path' ? overrides.path?.[param.name] : param.in === 'query' ? overrides.query?.[param.name] : undefined;
    const example = override !== undefined ? { found: true, value: override } : paramExample(document, param, name);
    if (!example.found) {
      if (param.required || param.in === 'path') return { ok: false, reason: `required ${param.in} parameter "${param.name}" has no example` };
      continue;
    }
    if (param.in === 'path') path[param.name] = example.value;
    else if (param.in === 'query') {
      for (const v of Array.isArray(example.value) && param.explode !== false ? example.value : [example.value]) query.push([param.name, Array.isArray(v) ? v.join(',') : asText(v)]);
    } else if (param.in === 'header') sent[param.name.toLowerCase()] = asText(example.value);
  }
  for (const [name, value] of Object.entries(overrides.query ?? {})) {
    if (!operation.parameters.some((p) => p.in === 'query' && p.name === name)) query.push([name, asText(value)]);
  }
  const request: RequestSpec = { operationId: operation.operationId, method: operation.method, path: fillPath(operation.path, path), query, headers: { ...sent, ...headers } };
  if (operation.requestBody) {
    const example = bodyExample(document, operation, name);
    const mediaType = example?.mediaType ?? Object.keys(operation.requestBody.content)[0];
    if (overrides.body && mediaType) request.body = { mediaType, text: serialiseBody(mediaType, overrides.body.value) };
    else if (example) request.body = { mediaType: example.mediaType, text: serialiseBody(example.mediaType, example.value) };
    else if (operation.requestBody.required) return { ok: false, reason: 'the request body is required but has no example' };
  }
  return { ok: true, request };
}

/**
 * The named example pairs of an operation: every name on the request side that a response also
 * carries, plus the first 2xx response name when the request side has none (a list with no
 * parameters still has a success case). Each comes with the status its response documents.
 * A request example no response names is the request that gets the body-less 2xx (a 204 cannot carry
 * an example) when the operation has exactly one; otherwise it comes back with `status: undefined`,
 * so the runner reports it instead of dropping it.
 */
export function examplePairs(operation: OperationSpec): { name: string; status: number | undefined }[] {
  const responseNames = new Map<string, number>();
  const bodiless2xx: number[] = [];
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!/^\d{3}$/.test(status)) continue;
    for (const media of Object.values(response.content ?? {})) {
      for (const name of Object.keys(media.examples ?? {})) if (!responseNames.has(name)) responseNames.set(name, Number(status));
    }
    if (!response.content && status.startsWith('2')) bodiless2xx.push(Number(status));
  }
  // A response without content (204) is still a documented outcome of the `success` request.
  if (bodiless2xx.length > 0 && !responseNames.has(SUCCESS)) responseNames.set(SUCCESS, bodiless2xx[0]!);
  const requestNames = new Set<string>([
    ...operation.parameters.flatMap((p) => Object.keys(p.examples ?? {})),
    ...Object.values(operation.requestBody?.content ?? {}).flatMap((m) => Object.keys(m.examples ?? {})),
  ]);
  const unpairedStatus = bodiless2xx.length === 1 ? bodiless2xx[0] : undefined;
  const pairs = [...requestNames].map((name) => ({ name, status: responseNames.get(name) ?? unpairedStatus }));
  if (!pairs.some((p) => p.status !== undefined && p.status < 300)) {
    const success = responseNames.has(SUCCESS) && responseNames.get(SUCCESS)! < 300 ? SUCCESS : [...responseNames].find(([, s]) => s < 300)?.[0];
    if (success) pairs.unshift({ name: success, status: responseNames.get(success)! });
  }
  return pairs;
}
