/**
 * jobs-kit/vitest: `toMatchApiSpec`, a Vitest matcher that checks a response against an API's spec.
 *
 *   import { expect } from 'vitest';
 *   import { toMatchApiSpec } from 'jobs-kit/vitest';
 *   expect.extend({ toMatchApiSpec });
 *   await expect(await fetch(url)).toMatchApiSpec({ api: 'iot' });
 *
 * The matcher is async (a Response body is read asynchronously): always `await` it.
 */
import type { MatcherState } from 'vitest';
import { formatDiagnostic, type Diagnostic } from './core/diagnostic.js';
import { compiledSpecOf, headerRecord, type ValidateResponseInput } from './contract/validate-response.js';
import { findOperation } from './contract/find-operation.js';
import { baseMediaType, isJsonMediaType } from './validation/media-type.js';

export interface MatchApiSpecOptions {
  /** A built-in API by name, an API module, or any OpenAPI 3.1 document. */
  api: ValidateResponseInput['api'];
  /** Skip finding the operation from method and URL. */
  operationId?: string;
  /** The request method (a Fetch Response does not carry it; without it the path must name one operation). */
  method?: string;
  /** The request URL, when the response has none (`new Response(...)`, in-process fetches). */
  url?: string;
  /** The already-read body (parsed JSON or text): a Response body can be read only once. */
  body?: unknown;
}

/** A response as a plain object, for clients other than fetch. */
/** What a Vitest matcher returns. */
export interface MatchResult {
  pass: boolean;
  message: () => string;
}

export interface PlainResponse {
  status: number;
  headers?: Record<string, string> | Headers;
  body?: unknown;
  url?: string;
  method?: string;
}

async function readBody(response: Response, options: MatchApiSpecOptions): Promise<{ body?: unknown; problem?: string }> {
  if ('body' in options) return { body: options.body };
  if (response.bodyUsed) return { problem: 'the response body was already read: pass it as toMatchApiSpec({ api, body })' };
  const text = await response.clone().text();
  if (text === '') return { body: undefined };
  const media = baseMediaType(response.headers.get('content-type') ?? undefined);
  if (!media || !isJsonMediaType(media)) return { body: text };
  try {
    return { body: JSON.parse(text) };
  } catch (error) {
    return { problem: `the body is not valid JSON: ${(error as Error).message}` };
  }
}

export async function toMatchApiSpec(this: MatcherState, received: Response | PlainResponse, options: MatchApiSpecOptions): Promise<MatchResult> {
  const isFetch = typeof Response !== 'undefined' && received instanceof Response;
  const plain = received as PlainResponse;
  const url = options.url ?? (isFetch ? (received as Response).url : plain.url) ?? '';
  const method = options.method ?? (isFetch ? undefined : plain.method);
  const refuse = (why: string): MatchResult => ({ pass: false, message: () => `toMatchApiSpec: ${why}` });
  if (typeof received !== 'object' || received === null || typeof received.status !== 'number') return refuse('expected a Fetch Response or { status, headers, body }');

  const compiled = compiledSpecOf(options.api);
  let operationId = options.operationId;
  if (!operationId) {
    if (!url) return refuse('the response has no URL: pass { url } (and { method }) or { operationId }');
    const found = findOperation(compiled, method, url);
    if (!found.ok) return refuse(found.reason);
    operationId = found.operation.operationId;
  }
  const validator = compiled.validators.get(operationId);
  if (!validator) return refuse(`${compiled.name} has no operation "${operationId}"`);
  const read = isFetch ? await readBody(received as Response, options) : { body: 'body' in options ? options.body : plain.body };
  if (read.problem) return refuse(read.problem);

  const diagnostics: Diagnostic[] = validator.response({ status: received.status, headers: headerRecord(received.headers), body: read.body });
  const what = `${received.status} response of ${compiled.name} ${operationId} (${validator.operation.method} ${validator.operation.path})`;
  const pass = diagnostics.length === 0;
  return {
    pass,
    message: () => (pass ? `expected the ${what} not to match the spec, but it does` : `expected the ${what} to match the spec:\n${diagnostics.map((d) => `  - ${formatDiagnostic(d)}`).join('\n')}`),
  };
}

export interface ApiSpecMatchers {
  /** Checks a Fetch Response (or `{ status, headers, body, url, method }`) against the API's spec. Async: await it. */
  toMatchApiSpec(options: MatchApiSpecOptions): Promise<void>;
}

// Types `expect(x).toMatchApiSpec(...)` once `expect.extend({ toMatchApiSpec })` has run.
declare module 'vitest' {
  interface Matchers<T = any> extends ApiSpecMatchers {}
}
