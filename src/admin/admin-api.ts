import { isApiError } from '../core/api-error.js';
import type { AdminJobDetail, AdminJobRow, ApiName } from '../core/api-module.js';
import { JobsKitError } from '../core/kit-error.js';
import type { Engine } from '../engine/engine.js';
import type { FaultSetting, LatencySetting, ResponseValidationMode } from '../engine/engine-options.js';
import type { JournalEntry } from '../state/journal.js';

/** A problem with admin input: the admin API answers it as a 400 with this message. */
export class AdminInputError extends Error {
  override readonly name = 'AdminInputError';
}

/** Something the admin input names does not exist: answered as a 404 with this message. */
export class AdminNotFoundError extends Error {
  override readonly name = 'AdminNotFoundError';
}

export interface JobFilter {
  /** Exact status, as the list shows it. */
  status?: string;
  /** Case-insensitive text found in the id, owner or summary. */
  q?: string;
  /** Newest this many matches (default 200, at most 5000). */
  limit?: number;
}

export interface JobList {
  api: ApiName;
  /** Whether the API describes its jobs to the admin page at all. */
  supported: boolean;
  total: number;
  matched: number;
  /** Every status among the API's jobs, for the filter. */
  statuses: string[];
  /** The newest `limit` matches, newest first (by creation time, else the store's order). */
  jobs: AdminJobRow[];
}

export interface SettingsPatch {
  auth?: boolean;
  latency?: LatencySetting | null;
  operationLatency?: Record<string, LatencySetting | null>;
  faults?: FaultSetting | null;
  validateResponses?: ResponseValidationMode;
}

/** The admin operations as functions: the HTTP admin API and in-process users call these. */
export interface AdminApi {
  health(): { status: 'ok'; apis: readonly ApiName[]; clock: { now: number; mode: string } };
  reset(): { now: number };
  clock(): { now: number; iso: string; mode: string; startedAt: number };
  advance(ms: number): { now: number; iso: string };
  state(api?: ApiName): { apis: Record<string, unknown>; journal: { size: number; capacity: number; evicted: number }; stores: ReturnType<Engine['storeStats']> };
  seed(api: ApiName, data: unknown): { api: ApiName; loaded: number };
  requests(options?: { since?: number; api?: string; limit?: number }): JournalEntry[];
  clearRequests(): { cleared: number };
  settings(): Engine['settings'];
  updateSettings(patch: SettingsPatch): Engine['settings'];
  /** An API's jobs as rows, filtered (the admin page's list). */
  jobs(api: ApiName, filter?: JobFilter): JobList;
  /** One job with its lifecycle history and the API's JSON for it. */
  job(api: ApiName, id: string): AdminJobDetail;
  /** Journal fill, and each store's job count, capacity (`maxJobs`) and evictions. */
  stats(): { journal: { size: number; capacity: number; evicted: number }; stores: ReturnType<Engine['storeStats']>; memory?: ProcessMemory };
}

/** The process's memory in MiB (Node doors only: a browser has no such figures), so a soak can tell a growing heap from a growing RSS. */
export interface ProcessMemory {
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
}

const MiB = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

function processMemory(): ProcessMemory | undefined {
  const usage = (globalThis as { process?: { memoryUsage?: () => NodeJS.MemoryUsage } }).process?.memoryUsage;
  if (typeof usage !== 'function') return undefined;
  const m = usage();
  return { rssMiB: MiB(m.rss), heapUsedMiB: MiB(m.heapUsed), heapTotalMiB: MiB(m.heapTotal), externalMiB: MiB(m.external) };
}

function checkLatency(value: unknown, what: string): LatencySetting {
  const v = value as Partial<LatencySetting> | null;
  if (typeof v !== 'object' || v === null || !Number.isInteger(v.min) || !Number.isInteger(v.max) || v.min! < 0 || v.max! < v.min! || v.max! > 600_000) {
    throw new AdminInputError(`${what} must be { "min": ms, "max": ms } with 0 <= min <= max <= 600000`);
  }
  return { min: v.min!, max: v.max! };
}

function checkFaults(value: unknown): FaultSetting {
  const v = value as Partial<FaultSetting> | null;
  if (typeof v !== 'object' || v === null || typeof v.rate !== 'number' || !(v.rate >= 0 && v.rate <= 1)) {
    throw new AdminInputError('faults must be { "rate": 0..1, "status": 500..599 }');
  }
  const status = v.status ?? 500;
  if (!Number.isInteger(status) || status < 500 || status > 599) throw new AdminInputError('faults.status must be a 5xx status');
  return { rate: v.rate, status };
}

function checkLimit(value: unknown): number {
  if (value === undefined) return 200;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5000) throw new AdminInputError('limit must be a whole number from 1 to 5000');
  return value;
}

function matches(row: AdminJobRow, status: string | undefined, q: string | undefined): boolean {
  if (status && row.status !== status) return false;
  if (!q) return true;
  return [row.id, row.owner, row.summary].some((text) => text !== undefined && text.toLowerCase().includes(q));
}

/** By creation time, newest first; the store's order, reversed, where that does not decide (iot lists scope by scope). */
function newestFirst(rows: AdminJobRow[]): AdminJobRow[] {
  const when = (row: AdminJobRow) => row.createdAt ?? -Infinity;
  return [...rows].reverse().sort((a, b) => when(b) - when(a));
}

export function createAdminApi(engine: Engine): AdminApi {
  const iso = (ms: number) => new Date(ms).toISOString();
  const known = (api: unknown): ApiName => {
    if (typeof api !== 'string' || !engine.apis.includes(api as ApiName)) {
      throw new AdminInputError(`unknown api ${JSON.stringify(api)}; this mock serves ${engine.apis.join(', ')}`);
    }
    return api as ApiName;
  };
  const journalStats = () => ({ size: engine.journal.size, capacity: engine.journal.capacity, evicted: engine.journal.evicted });
  // With the real clock, time moves between requests and lifecycles catch up only on the next one:
  // run the shown API's due events first. Not engine.advance(0), which durable state would log as a write;
  // events apply at their own times, so running them early changes nothing a later request sees.
  const settle = (name: ApiName): number => {
    const now = engine.clock.now();
    engine.module(name).advance(engine.store(name), now);
    return now;
  };
  return {
    health: () => ({ status: 'ok', apis: engine.apis, clock: { now: engine.clock.now(), mode: engine.clock.mode } }),
    reset() {
      engine.reset();
      return { now: engine.clock.now() };
    },
    clock: () => ({ now: engine.clock.now(), iso: iso(engine.clock.now()), mode: engine.clock.mode, startedAt: engine.clock.startedAt }),
    advance(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || !Number.isInteger(ms)) throw new AdminInputError('ms must be a whole number of milliseconds >= 0');
      const now = engine.advance(ms);
      return { now, iso: iso(now) };
    },
    state(api) {
      const apis = api === undefined ? engine.apis : [known(api)];
      return {
        apis: Object.fromEntries(apis.map((name) => [name, engine.module(name).snapshot(engine.store(name))])),
        journal: journalStats(),
        stores: engine.storeStats(),
      };
    },
    seed(api, data) {
      const name = known(api);
      const result = engine.module(name).seed(engine.store(name), data, { clock: engine.clock, random: engine.randomFor(name) });
      if (isApiError(result)) throw new AdminInputError(result.message);
      return { api: name, loaded: result.loaded };
    },
    requests: (options) => engine.journal.list(options),
    clearRequests() {
      const cleared = engine.journal.size;
      engine.journal.clear();
      return { cleared };
    },
    settings: () => engine.settings,
    updateSettings(patch) {
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new AdminInputError('settings must be a JSON object');
      const next = { ...engine.settings, operationLatency: { ...engine.settings.operationLatency } };
      for (const [key, value] of Object.entries(patch)) {
        if (key === 'auth') {
          if (typeof value !== 'boolean') throw new AdminInputError('auth must be true or false');
          next.auth = value;
        } else if (key === 'latency') next.latency = value === null ? undefined : checkLatency(value, 'latency');
        else if (key === 'faults') next.faults = value === null ? undefined : checkFaults(value);
        else if (key === 'validateResponses') {
          if (value !== 'off' && value !== 'warn' && value !== 'throw') throw new AdminInputError('validateResponses must be off, warn or throw');
          next.validateResponses = value;
        } else if (key === 'operationLatency') {
          if (typeof value !== 'object' || value === null) throw new AdminInputError('operationLatency must be an object keyed by operationId');
          for (const [op, setting] of Object.entries(value)) {
            if (setting === null) delete next.operationLatency[op];
            else next.operationLatency[op] = checkLatency(setting, `operationLatency.${op}`);
          }
        } else throw new AdminInputError(`unknown setting "${key}" (known: auth, latency, operationLatency, faults, validateResponses)`);
      }
      Object.assign(engine.settings, next);
      return engine.settings;
    },
    jobs(api, filter = {}) {
      const name = known(api);
      const limit = checkLimit(filter.limit);
      const view = engine.module(name).adminView;
      if (!view) return { api: name, supported: false, total: 0, matched: 0, statuses: [], jobs: [] };
      const now = settle(name);
      const rows = view.jobs(engine.store(name), now);
      const q = filter.q?.trim().toLowerCase();
      const found = rows.filter((row) => matches(row, filter.status, q));
      return {
        api: name,
        supported: true,
        total: rows.length,
        matched: found.length,
        statuses: [...new Set(rows.map((row) => row.status))].sort(),
        jobs: newestFirst(found).slice(0, limit),
      };
    },
    job(api, id) {
      const name = known(api);
      const view = engine.module(name).adminView;
      const detail = view?.job(engine.store(name), id, settle(name));
      if (!detail) throw new AdminNotFoundError(`${name} has no job ${JSON.stringify(id)}`);
      return detail;
    },
    stats() {
      const memory = processMemory();
      return { journal: journalStats(), stores: engine.storeStats(), ...(memory ? { memory } : {}) };
    },
  };
}

export function isAdminInputError(error: unknown): error is AdminInputError | JobsKitError {
  return error instanceof AdminInputError || (error instanceof JobsKitError && error.code === 'JOBSKIT_UNKNOWN_API');
}
