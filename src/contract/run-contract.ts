import { JobsKitError } from '../core/kit-error.js';
import { createClock } from '../state/clock.js';
import { createRandom } from '../state/random.js';
import { credentialHeaderNames, lowerKeys, resolveApiTarget, type ApiSource } from './api-target.js';
import type { ContractReport } from './contract-report.js';
import { coverageOf, runResponseChecks } from './coverage.js';
import { methodRank, runExampleChecks } from './example-checks.js';
import { runFlow } from './flows.js';
import { createHttpClient } from './http-client.js';
import { runLifecycleChecks } from './lifecycle.js';
import { runNegativeProbes } from './negative-probes.js';
import { runPagingCheck } from './paging.js';
import { isSafe, type RunContext } from './run-context.js';
import { pagingOf } from './spec-extensions.js';
import { createMockAdmin, type MockAdminMode } from './mock-admin.js';

export interface ContractProgress {
  phase: string;
  requests: number;
  checks: number;
  failed: number;
}

export interface RunContractOptions {
  /** A built-in API by name, an API module, or any OpenAPI 3.1 document. */
  api: ApiSource;
  /** Where the API's own base path starts (`http://127.0.0.1:4010/iot` for `jobs-kit serve`). */
  baseUrl: string;
  /**
   * The path between the base URL and the operation paths; default the spec's (path of servers[0].url).
   * '' for servers that serve the paths at the root, as Prism does.
   */
  basePath?: string;
  /** Credentials and other headers for every request; default: the API module's first dev credential. */
  headers?: Record<string, string>;
  /** Send only GET/HEAD/OPTIONS (for production servers). */
  readOnly?: boolean;
  /** Run only these operations' checks (flows start only from listed operations). */
  only?: string[];
  /** Seed for derived probe values (unknown ids). Default 1. */
  seed?: number;
  /** The fetch to send with: inject an in-process one (createFetch) in tests. */
  fetch?: typeof fetch;
  /** Per-request timeout in ms (default 10 000). */
  timeoutMs?: number;
  /**
   * 'auto' (default): against a jobs-kit mock, use its admin API to move the clock (lifecycles) and
   * to reset the state before each writing example. 'off': treat it like any other server.
   */
  admin?: MockAdminMode;
  onProgress?: (progress: ContractProgress) => void;
}

function checkBaseUrl(baseUrl: string): void {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new JobsKitError('JOBSKIT_USAGE', `--base-url "${baseUrl}" is not a URL`, 'e.g. http://127.0.0.1:4010/iot');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new JobsKitError('JOBSKIT_USAGE', `--base-url must be http or https, got ${url.protocol}`);
}

/** Checks a server against an API's spec and returns the report (see docs/contract.md). */
export async function runContract(options: RunContractOptions): Promise<ContractReport> {
  const started = performance.now();
  // Wall time on purpose: the runner is a client, and reports say when a run happened (the mock's clock is the server's).
  // A report's timestamp is wall time by nature; it still comes from the clock module, the one place that reads it.
  const startedAt = new Date(createClock({ mode: 'real' }).now()).toISOString();
  checkBaseUrl(options.baseUrl);
  const target = await resolveApiTarget(options.api);
  const operations = target.index.operations;
  const unknown = (options.only ?? []).filter((id) => !target.index.byId.has(id));
  if (unknown.length > 0) throw new JobsKitError('JOBSKIT_USAGE', `--only names unknown operations: ${unknown.join(', ')}`, `${target.name} has ${operations.map((o) => o.operationId).join(', ')}`);
  const only = options.only && options.only.length > 0 ? new Set(options.only) : undefined;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const credentials = options.headers ? lowerKeys(options.headers) : target.devHeaders;
  const fromSchemes = credentialHeaderNames(target.index.document);
  const basePath = (options.basePath ?? target.index.basePath).replace(/\/+$/, '');
  const apiUrl = `${options.baseUrl.replace(/\/+$/, '')}${basePath && !basePath.startsWith('/') ? '/' : ''}${basePath}`;
  let phase = 'starting';
  const ctx: RunContext = {
    target,
    document: target.index.document,
    apiUrl,
    credentials,
    credentialNames: fromSchemes.size > 0 ? fromSchemes : new Set(Object.keys(credentials)),
    readOnly: options.readOnly ?? false,
    random: createRandom(options.seed ?? 1).fork('contract'),
    admin: await createMockAdmin(options.baseUrl, fetchFn, options.readOnly ? 'off' : (options.admin ?? 'auto'), timeoutMs),
    checks: [],
    includes: (id) => !only || only.has(id),
    client: createHttpClient({
      apiUrl,
      fetch: fetchFn,
      timeoutMs,
      onExchange: () => options.onProgress?.({ phase, requests: ctx.client.exchanges.length, checks: ctx.checks.length, failed: ctx.checks.filter((c) => c.outcome === 'fail').length }),
    }),
  };
  const included = operations.filter((op) => ctx.includes(op.operationId)).sort((a, b) => methodRank(a.method) - methodRank(b.method));
  const byRank = (rank: number) => included.filter((op) => methodRank(op.method) === rank);

  phase = 'examples (reads)';
  await runExampleChecks(ctx, byRank(0));
  phase = 'paging';
  for (const op of byRank(0)) {
    const paging = pagingOf(op);
    if (paging) await runPagingCheck(ctx, op, paging);
  }
  phase = 'negative probes';
  await runNegativeProbes(ctx, included);
  if (!ctx.readOnly) {
    phase = 'examples (writes)';
    await runExampleChecks(ctx, byRank(1));
    phase = 'flows';
    await ctx.admin.reset();
    for (const op of included.filter((o) => !isSafe(o))) await runFlow(ctx, op);
    phase = 'examples (deletes)';
    await runExampleChecks(ctx, byRank(2));
  }
  runLifecycleChecks(ctx);
  runResponseChecks(ctx);

  const count = (outcome: string) => ctx.checks.filter((c) => c.outcome === outcome).length;
  const totals = { pass: count('pass'), fail: count('fail'), skip: count('skip'), requests: ctx.client.exchanges.length };
  return {
    api: target.name,
    baseUrl: options.baseUrl,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    readOnly: ctx.readOnly,
    seed: options.seed ?? 1,
    checks: ctx.checks,
    coverage: coverageOf(ctx),
    totals,
    ok: totals.fail === 0,
  };
}
