import type { ApiModule, ApiName } from '../core/api-module.js';
import type { MockRequest, MockResponse } from '../core/http.js';
import { JobsKitError } from '../core/kit-error.js';
import { pickDelay, sleep } from '../respond/delay.js';
import { toMockResponse } from '../respond/to-mock-response.js';
import { createClock, type Clock } from '../state/clock.js';
import { createJournal, type Journal } from '../state/journal.js';
import { advanceRuntime, compileApi, createApiRuntime, type ApiRuntime, type CompiledApi } from './api-runtime.js';
import { DEFAULT_MAX_BODY_BYTES, type EngineOptions, type EngineSettings } from './engine-options.js';
import { handleRequest, type PipelineContext } from './handle-request.js';
import { DEFAULT_MAX_JOBS, storeStats, trimJobs, type StoreStats } from './job-capacity.js';

export interface ResponseViolation {
  api: string;
  operationId: string;
  messages: string[];
}

/** The engine: every door hands it plain requests for one API and gets plain responses back. */
export interface Engine {
  readonly apis: readonly ApiName[];
  readonly clock: Clock;
  readonly journal: Journal;
  readonly settings: EngineSettings;
  readonly seed: number;
  /** Response-validation findings (last 100), when validateResponses is not 'off'. */
  readonly violations: readonly ResponseViolation[];
  /** The API base path inside its mount (`/api/v1` for exabyte, '' for iot). */
  basePath(api: ApiName): string;
  module(api: ApiName): ApiModule<unknown>;
  store(api: ApiName): unknown;
  /** The API's seeded random stream (admin seeding draws ids from it). */
  randomFor(api: ApiName): import('../state/random.js').Random;
  /** Handles a request whose path is relative to the API's mount. Never rejects. */
  handle(api: ApiName, request: MockRequest): Promise<MockResponse>;
  /** The same, without latency: for doors and benchmarks that cannot wait. */
  handleSync(api: ApiName, request: MockRequest): MockResponse;
  /**
   * The response itself when no latency applies, else a promise of it after the latency: the HTTP door's
   * path, which then answers in the same tick instead of paying a promise per request. Never rejects.
   */
  handleNow(api: ApiName, request: MockRequest): MockResponse | Promise<MockResponse>;
  /** Seeded state and clock back to the start. */
  reset(): void;
  /** Moves the clock and every API's lifecycles forward. */
  advance(ms: number): number;
  /** Milliseconds spent compiling routes and validators at creation (0 when cached). */
  readonly compileMs: number;
  /** Per API: jobs held, the cap (`maxJobs`) and how many were evicted since the last reset. */
  storeStats(): Partial<Record<ApiName, StoreStats>>;
  /**
   * Calls `listener` synchronously after every handled request, in handling order (before any latency),
   * e.g. for durable state's replay log. `fromKit`: the answer came from jobs-kit (injected fault, Prefer
   * example), so no handler ran. Returns the unsubscribe function.
   */
  onHandled(listener: HandledListener): () => void;
}

export type HandledListener = (api: ApiName, request: MockRequest, response: MockResponse, fromKit: boolean) => void;

/** Builds an engine from explicit API modules (createEngine picks the built-in ones). */
export function createEngineFromModules(modules: readonly ApiModule<any>[], options: EngineOptions = {}): Engine {
  if (modules.length === 0) throw new JobsKitError('JOBSKIT_USAGE', 'an engine needs at least one API');
  const seed = options.seed ?? 1;
  const clock = typeof options.clock === 'object' ? options.clock : createClock({ mode: options.clock ?? 'manual' });
  const fixtures = options.fixtures ?? true;
  const journal = createJournal(options.journalSize ?? 1000);
  const maxJobs = options.maxJobs ?? DEFAULT_MAX_JOBS;
  if (!Number.isInteger(maxJobs) || maxJobs < 1) throw new JobsKitError('JOBSKIT_USAGE', `maxJobs must be a whole number of at least 1, got ${maxJobs}`);
  const settings: EngineSettings = {
    auth: options.auth ?? true,
    latency: options.latency,
    operationLatency: { ...(options.operationLatency ?? {}) },
    faults: options.faults,
    validateResponses: options.validateResponses ?? 'off',
  };
  const violations: ResponseViolation[] = [];
  const listeners = new Set<HandledListener>();
  const started = performance.now();
  const compiled = new Map<string, CompiledApi>(modules.map((m) => [m.name, compileApi(m)]));
  const compileMs = performance.now() - started;
  let runtimes = new Map<string, ApiRuntime>();
  const build = () => {
    runtimes = new Map([...compiled].map(([name, c]) => [name, createApiRuntime(c, seed, clock, fixtures)]));
  };
  build();

  const runtime = (api: string): ApiRuntime => {
    const rt = runtimes.get(api);
    if (!rt) throw new JobsKitError('JOBSKIT_UNKNOWN_API', `this engine does not serve "${api}" (it serves ${[...runtimes.keys()].join(', ')})`);
    return rt;
  };
  const context: PipelineContext = {
    clock,
    settings,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onError: options.onError ?? ((message, error) => console.error(`[jobs-kit] ${message}`, error ?? '')),
    recordViolation(api, operationId, messages) {
      violations.push({ api, operationId, messages });
      if (violations.length > 100) violations.shift();
    },
  };

  const run = (api: ApiName, request: MockRequest): { response: MockResponse; delay: number } => {
    const rt = runtimes.get(api);
    if (!rt) {
      return { response: toMockResponse({ status: 404, body: { error: `no API "${api}" is served here` } }, 'application/json'), delay: 0 };
    }
    const wallStart = performance.now();
    const result = handleRequest(rt, context, request);
    if (request.method !== 'GET' && request.method !== 'HEAD') trimJobs(rt, maxJobs, clock.now());
    journal.record({
      at: clock.now(),
      api,
      method: request.method,
      path: request.path,
      query: request.rawQuery,
      status: result.response.status,
      operationId: result.operation?.operationId,
      durationMs: Math.round((performance.now() - wallStart) * 1000) / 1000,
      principal: result.principal?.id,
    });
    for (const listener of listeners) listener(api, request, result.response, result.fromKit);
    const latency = (result.operation && settings.operationLatency[result.operation.operationId]) || settings.latency;
    return { response: result.response, delay: pickDelay(latency, rt.latencyRandom) };
  };

  return {
    apis: modules.map((m) => m.name),
    clock,
    journal,
    settings,
    seed,
    violations,
    compileMs,
    basePath: (api) => runtime(api).index.basePath,
    module: (api) => runtime(api).module,
    store: (api) => runtime(api).store,
    randomFor: (api) => runtime(api).random,
    async handle(api, request) {
      const { response, delay } = run(api, request);
      if (delay > 0) await sleep(delay);
      return response;
    },
    handleSync: (api, request) => run(api, request).response,
    handleNow(api, request) {
      const { response, delay } = run(api, request);
      return delay > 0 ? sleep(delay).then(() => response) : response;
    },
    storeStats: () => Object.fromEntries([...runtimes].map(([name, rt]) => [name, storeStats(rt, maxJobs)])),
    reset() {
      clock.reset();
      build();
    },
    onHandled(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    advance(ms) {
      const now = clock.advance(ms);
      for (const rt of runtimes.values()) advanceRuntime(rt, now);
      return now;
    },
  };
}
