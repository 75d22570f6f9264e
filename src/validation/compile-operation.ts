import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '../core/diagnostic.js';
import type { OperationSpec } from '../spec/spec-index.js';
import type { HeaderObject, JsonSchema, OpenApiDocument, ParameterObject } from '../spec/openapi-types.js';
import { resolveObject } from '../spec/resolve-ref.js';
import type { SchemaCompiler } from './schema-compiler.js';
import { baseMediaType, isJsonMediaType, matchMediaType } from './media-type.js';
import { toDiagnostics } from './to-diagnostics.js';

export interface ParamsInput {
  path: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string>;
}

export interface ParamsResult {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

export type BodyResult =
  | { kind: 'ok'; value: unknown; mediaType: string | undefined }
  | { kind: 'unsupported-media-type'; mediaType: string; supported: string[] }
  | { kind: 'malformed'; message: string }
  | { kind: 'invalid'; diagnostics: Diagnostic[] };

export interface ResponseInput {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Every validator one operation needs, compiled once. */
export interface OperationValidator {
  operation: OperationSpec;
  params(input: ParamsInput): ParamsResult;
  body(contentType: string | undefined, bodyText: string | undefined): BodyResult;
  response(input: ResponseInput): Diagnostic[];
  /** Media types the request body may use (empty when the operation takes no body). */
  requestMediaTypes: string[];
}

type Location = 'path' | 'query' | 'header';

/** An HTML form body as OpenAPI describes it: an object of string fields, a repeated field as an array. */
function decodeForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(text)) {
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return { ...out };
}
const LOCATIONS: Location[] = ['path', 'query', 'header'];

function compileParams(compile: SchemaCompiler, key: string, params: ParameterObject[], where: Location): ValidateFunction | undefined {
  const own = params.filter((p) => p.in === where);
  if (own.length === 0) return undefined;
  const name = (p: ParameterObject) => (where === 'header' ? p.name.toLowerCase() : p.name);
  return compile('params', key, () => ({
    type: 'object',
    properties: Object.fromEntries(own.map((p) => [name(p), p.schema ?? {}])),
    required: own.filter((p) => p.required || where === 'path').map(name),
  }));
}

function compileSchema(compile: SchemaCompiler, key: string, schema: JsonSchema | undefined): ValidateFunction | undefined {
  return schema === undefined ? undefined : compile('exact', key, () => schema as object);
}

function statusKeyFor(responses: Record<string, unknown>, status: number): string | undefined {
  const exact = String(status);
  if (exact in responses) return exact;
  const range = `${exact[0]}XX`;
  if (range in responses) return range;
  return 'default' in responses ? 'default' : undefined;
}

/**
 * Validates one location's parameters. Ajv coerces (and fills defaults) in place, so unless the object is
 * this call's own (`owned`) it works on a copy, and the caller's object (the request's own headers) stays
 * as received; a location the operation declares nothing for is passed through without a copy.
 */
function checkParams(validate: ValidateFunction | undefined, where: Location, data: Record<string, unknown>, diagnostics: Diagnostic[], owned = false): Record<string, unknown> {
  if (!validate) return data;
  const checked = owned ? data : { ...data };
  if (!validate(checked)) diagnostics.push(...toDiagnostics(where, validate.errors).map((d) => ({ ...d, path: d.path.replace(/^\//, '') })));
  return checked;
}

/**
 * Builds one operation's validators through `compile`, which either compiles with Ajv or returns the
 * validator precompiled at generate time under the same key (`<operationId>|<part>`).
 */
export function compileOperation(compile: SchemaCompiler, document: OpenApiDocument, operation: OperationSpec): OperationValidator {
  const id = operation.operationId;
  const paramValidators = Object.fromEntries(
    LOCATIONS.map((where) => [where, compileParams(compile, `${id}|${where}`, operation.parameters, where)]),
  ) as Record<Location, ValidateFunction | undefined>;
  const queryNames = operation.parameters.filter((p) => p.in === 'query');

  const bodyContent = operation.requestBody?.content ?? {};
  const requestMediaTypes = Object.keys(bodyContent);
  const bodyValidators = new Map(requestMediaTypes.map((m) => [m, compileSchema(compile, `${id}|body|${m}`, bodyContent[m]?.schema)]));

  const responseValidators = new Map<string, { media: Map<string, ValidateFunction | undefined>; headers: [string, HeaderObject, ValidateFunction | undefined][] }>();
  for (const [key, response] of Object.entries(operation.responses)) {
    const media = new Map(Object.entries(response.content ?? {}).map(([m, c]) => [m, compileSchema(compile, `${id}|response|${key}|${m}`, c.schema)]));
    const headers = Object.entries(response.headers ?? {}).map(([name, h]) => {
      const header = resolveObject<HeaderObject>(document, h);
      return [name.toLowerCase(), header, compileSchema(compile, `${id}|response|${key}|header|${name.toLowerCase()}`, header.schema)] as [string, HeaderObject, ValidateFunction | undefined];
    });
    responseValidators.set(key, { media, headers });
  }

  return {
    operation,
    requestMediaTypes,
    params({ path, query, headers }) {
      const diagnostics: Diagnostic[] = [];
      const queryData: Record<string, unknown> = {};
      for (const p of queryNames) {
        const values = query.getAll(p.name);
        if (values.length === 1) queryData[p.name] = values[0];
        else if (values.length > 1) queryData[p.name] = values;
      }
      return {
        path: checkParams(paramValidators.path, 'path', path, diagnostics),
        query: checkParams(paramValidators.query, 'query', queryData, diagnostics, true),
        headers: checkParams(paramValidators.header, 'header', headers, diagnostics),
        diagnostics,
      };
    },
    body(contentType, bodyText) {
      const hasBody = bodyText !== undefined && bodyText.length > 0;
      if (requestMediaTypes.length === 0) return { kind: 'ok', value: undefined, mediaType: undefined };
      if (!hasBody) {
        if (operation.requestBody?.required) return { kind: 'invalid', diagnostics: [{ location: 'body', path: '', keyword: 'required', message: 'a request body is required' }] };
        return { kind: 'ok', value: undefined, mediaType: undefined };
      }
      // A body without a content type is read as the operation's first declared media type.
      const actual = baseMediaType(contentType) ?? requestMediaTypes[0]!;
      const mediaType = matchMediaType(requestMediaTypes, actual);
      if (!mediaType) return { kind: 'unsupported-media-type', mediaType: actual, supported: requestMediaTypes };
      let value: unknown = bodyText;
      if (mediaType === 'application/x-www-form-urlencoded') value = decodeForm(bodyText);
      else if (isJsonMediaType(mediaType)) {
        try {
          value = JSON.parse(bodyText);
        } catch (error) {
          return { kind: 'malformed', message: `request body is not valid JSON: ${(error as Error).message}` };
        }
      }
      const validate = bodyValidators.get(mediaType);
      if (validate && !validate(value)) return { kind: 'invalid', diagnostics: toDiagnostics('body', validate.errors) };
      return { kind: 'ok', value, mediaType };
    },
    response({ status, headers, body }) {
      const key = statusKeyFor(operation.responses, status);
      if (!key) return [{ location: 'status', path: '', keyword: 'status', message: `status ${status} is not documented for ${operation.operationId}` }];
      const compiled = responseValidators.get(key)!;
      const diagnostics: Diagnostic[] = [];
      for (const [name, header, validate] of compiled.headers) {
        const value = headers[name];
        if (value === undefined) {
          if (header.required) diagnostics.push({ location: 'header', path: name, keyword: 'required', message: 'documented response header is missing' });
        } else if (validate && !validate(value)) diagnostics.push(...toDiagnostics('header', validate.errors, name));
      }
      if (compiled.media.size === 0) {
        if (body !== undefined && body !== '') diagnostics.push({ location: 'response', path: '', keyword: 'content', message: `status ${status} documents no body but one was sent` });
        return diagnostics;
      }
      const mediaType = matchMediaType([...compiled.media.keys()], baseMediaType(headers['content-type']));
      if (!mediaType) {
        diagnostics.push({ location: 'content-type', path: '', keyword: 'content', message: `content type ${JSON.stringify(headers['content-type'] ?? '')} is not one of ${[...compiled.media.keys()].join(', ')}` });
        return diagnostics;
      }
      const validate = compiled.media.get(mediaType);
      if (validate && !validate(body)) diagnostics.push(...toDiagnostics('response', validate.errors));
      return diagnostics;
    },
  };
}
