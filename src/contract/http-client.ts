import { JobsKitError } from '../core/kit-error.js';
import { baseMediaType, isJsonMediaType } from '../validation/media-type.js';
import type { Exchange, ReceivedResponse, SentRequest } from './contract-report.js';

/** A request the runner wants to send, relative to the API's base path. */
export interface RequestSpec {
  operationId: string;
  method: string;
  /** Concrete path after the base path (`/jobs/abc`), already percent-encoded. */
  path: string;
  query: [string, string][];
  /** Lower-cased names. */
  headers: Record<string, string>;
  body?: { mediaType: string; text: string };
}

export interface HttpClient {
  send(request: RequestSpec): Promise<Exchange>;
  /** Every exchange so far, in order (coverage and response checks read these). */
  readonly exchanges: readonly Exchange[];
}

export interface HttpClientOptions {
  /** Where the spec's paths start: the runner's base URL plus the spec's base path. */
  apiUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  onExchange?: (exchange: Exchange) => void;
}

function headersOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

async function readResponse(response: Response, started: number): Promise<ReceivedResponse> {
  const headers = headersOf(response);
  const text = await response.text();
  const media = baseMediaType(headers['content-type']);
  const received: ReceivedResponse = { status: response.status, headers, body: text === '' ? undefined : text, durationMs: 0 };
  if (text !== '' && media && isJsonMediaType(media)) {
    try {
      received.body = JSON.parse(text);
    } catch (error) {
      received.jsonError = `the body is not valid JSON: ${(error as Error).message}`;
    }
  }
  received.durationMs = Math.round(performance.now() - started);
  return received;
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

/**
 * Sends the runner's requests. A request the network refuses is a kit error (exit 2: nothing can be
 * checked against a server that is not there); a request that times out is recorded as an exchange
 * without a response, and the check that sent it fails.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const exchanges: Exchange[] = [];
  const root = options.apiUrl.replace(/\/+$/, '');
  return {
    exchanges,
    async send(spec) {
      const search = spec.query.length > 0 ? `?${new URLSearchParams(spec.query).toString()}` : '';
      const headers = { ...spec.headers };
      if (spec.body) headers['content-type'] = spec.body.mediaType;
      const request: SentRequest = { method: spec.method, url: `${root}${spec.path}${search}`, headers, ...(spec.body ? { body: spec.body.text } : {}) };
      const exchange: Exchange = { operationId: spec.operationId, request };
      const started = performance.now();
      try {
        const response = await options.fetch(request.url, { method: spec.method, headers, body: spec.body?.text, signal: AbortSignal.timeout(options.timeoutMs) });
        exchange.response = await readResponse(response, started);
      } catch (error) {
        const name = (error as Error).name;
        if (name !== 'TimeoutError' && name !== 'AbortError') {
          throw new JobsKitError('JOBSKIT_CONNECTION', `cannot reach ${request.url}: ${describeCause(error)}`, 'check --base-url and that the server is running');
        }
        exchange.error = `no answer within ${options.timeoutMs} ms`;
      }
      exchanges.push(exchange);
      options.onExchange?.(exchange);
      return exchange;
    },
  };
}
