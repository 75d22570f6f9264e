import type { OpenApiDocument } from '../spec/openapi-types.js';
import type { OperationSpec } from '../spec/spec-index.js';
import type { Random } from '../state/random.js';
import type { ApiTarget } from './api-target.js';
import type { Check, CheckKind, Exchange } from './contract-report.js';
import type { HttpClient } from './http-client.js';
import type { MockAdmin } from './mock-admin.js';

/** What every check module works with during one run. */
export interface RunContext {
  target: ApiTarget;
  document: OpenApiDocument;
  client: HttpClient;
  /** The base URL plus the spec's base path: where operation paths start. */
  apiUrl: string;
  /** Lower-cased credential headers sent with every request except the no-credentials probe. */
  credentials: Record<string, string>;
  /** Header names the no-credentials probe leaves out. */
  credentialNames: ReadonlySet<string>;
  readOnly: boolean;
  random: Random;
  admin: MockAdmin;
  checks: Check[];
  /** Whether `--only` lets this operation's own checks run. */
  includes(operationId: string): boolean;
}

export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafe(operation: OperationSpec): boolean {
  return SAFE_METHODS.has(operation.method);
}

export interface CheckBase {
  id: string;
  kind: CheckKind;
  operationId: string;
}

function relative(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

/**
 * Judges one exchange: `accept` says whether the status is right, `expected` says in words what was
 * wanted (it becomes the message). A request that got no answer always fails.
 */
export function judge(base: CheckBase, exchange: Exchange, expected: string, accept: (status: number) => boolean): Check {
  const line = `${exchange.request.method} ${relative(exchange.request.url)}`;
  const common = { ...base, request: exchange.request, diagnostics: [] };
  if (!exchange.response) return { ...common, outcome: 'fail', message: `${line}: ${exchange.error ?? 'no response'} (expected ${expected})` };
  const status = exchange.response.status;
  const ok = accept(status);
  return {
    ...common,
    response: exchange.response,
    outcome: ok ? 'pass' : 'fail',
    message: ok ? `${line} → ${status}` : `${line} → ${status}, expected ${expected}`,
  };
}

export function skip(base: CheckBase, reason: string): Check {
  return { ...base, outcome: 'skip', message: reason, diagnostics: [] };
}

export const is2xx = (status: number): boolean => status >= 200 && status < 300;
export const is4xx = (status: number): boolean => status >= 400 && status < 500;

/** The operation and path parameters a URL the runner sent goes to (routed with the spec's router). */
export function routeOf(ctx: RunContext, url: string, method: string): { operation: OperationSpec; params: Record<string, string> } | undefined {
  const root = new URL(ctx.apiUrl).pathname.replace(/\/+$/, '');
  const path = new URL(url).pathname;
  if (!path.startsWith(root)) return undefined;
  const match = ctx.target.router.match(method, path.slice(root.length) || '/');
  if (match.kind !== 'operation') return undefined;
  return { operation: match.operation, params: Object.fromEntries(Object.entries(match.params).map(([k, v]) => [k, decodeURIComponent(v)])) };
}
