import { isApiError } from '../core/api-error.js';
import type { ApiName } from '../core/api-module.js';
import { JobsKitError } from '../core/kit-error.js';
import type { Engine } from '../engine/engine.js';
import type { FaultSetting, LatencySetting, ResponseValidationMode } from '../engine/engine-options.js';
import type { JournalEntry } from '../state/journal.js';

/** A problem with admin input: the admin API answers it as a 400 with this message. */
export class AdminInputError extends Error {
  override readonly name = 'AdminInputError';
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
  state(api?: ApiName): { apis: Record<string, unknown>; journal: { size: number; capacity: number; evicted: number } };
  seed(api: ApiName, data: unknown): { api: ApiName; loaded: number };
  requests(options?: { since?: number; api?: string; limit?: number }): JournalEntry[];
  clearRequests(): { cleared: number };
  settings(): Engine['settings'];
  updateSettings(patch: SettingsPatch): Engine['settings'];
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

export function createAdminApi(engine: Engine): AdminApi {
  const iso = (ms: number) => new Date(ms).toISOString();
  const known = (api: unknown): ApiName => {
    if (typeof api !== 'string' || !engine.apis.includes(api as ApiName)) {
      throw new AdminInputError(`unknown api ${JSON.stringify(api)}; this mock serves ${engine.apis.join(', ')}`);
    }
    return api as ApiName;
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
        journal: { size: engine.journal.size, capacity: engine.journal.capacity, evicted: engine.journal.evicted },
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
  };
}

export function isAdminInputError(error: unknown): error is AdminInputError | JobsKitError {
  return error instanceof AdminInputError || (error instanceof JobsKitError && error.code === 'JOBSKIT_UNKNOWN_API');
}
