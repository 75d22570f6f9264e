import type { AdminApi } from '../admin/admin-api.js';
import type { MockRequest } from '../core/http.js';
import type { Engine } from '../engine/engine.js';
import type { LogEntry, RequestEntry } from './state-file.js';

/** Methods that never change state: not logged, not replayed. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function changesState(method: string): boolean {
  return !SAFE.has(method.toUpperCase());
}

function entryRequest(request: MockRequest): RequestEntry['request'] {
  const { method, path, rawQuery, headers, bodyText, bodyBytes, mountUrl } = request;
  return { method, path, rawQuery, headers, bodyText, bodyBytes, mountUrl };
}

export interface RecordingPair {
  engine: Engine;
  admin: AdminApi;
  /** Stops recording (the wrapped engine keeps working). */
  stop(): void;
}

/**
 * Wraps an engine and its admin API so every state-changing call is appended to `log` (in handling
 * order, with the virtual time it was handled at) and `onChange` is told; `onReset` hears a reset,
 * which empties the log. The clock is pinned while a write is handled, so all its reads of time agree
 * with the time logged. Answers jobs-kit made up (injected faults, Prefer examples) are left out: no
 * handler ran for them.
 */
export function recordChanges(inner: Engine, makeAdmin: (engine: Engine) => AdminApi, log: LogEntry[], onChange: () => void, onReset: () => void): RecordingPair {
  const clock = inner.clock;
  const pinned = <T>(run: () => T): T => {
    clock.pin(clock.now());
    try {
      return run();
    } finally {
      clock.pin(undefined);
    }
  };
  const stop = inner.onHandled((api, request, _response, fromKit) => {
    if (!changesState(request.method) || fromKit) return;
    log.push({ kind: 'request', at: clock.now(), api, request: entryRequest(request) });
    onChange();
  });
  const engine: Engine = {
    ...inner,
    // The pipeline runs synchronously inside handle() (only latency is awaited), so the pin covers it.
    handle: (api, request) => (changesState(request.method) ? pinned(() => inner.handle(api, request)) : inner.handle(api, request)),
    handleSync: (api, request) => (changesState(request.method) ? pinned(() => inner.handleSync(api, request)) : inner.handleSync(api, request)),
    handleNow: (api, request) => (changesState(request.method) ? pinned(() => inner.handleNow(api, request)) : inner.handleNow(api, request)),
    reset() {
      // Pinned, the stores are rebuilt at exactly the start time, as a replay of this log will rebuild them.
      pinned(() => inner.reset());
      log.length = 0;
      onReset();
      onChange();
    },
    advance(ms) {
      const at = clock.now();
      const now = inner.advance(ms);
      log.push({ kind: 'advance', at, ms });
      onChange();
      return now;
    },
  };
  const base = makeAdmin(engine);
  const admin: AdminApi = {
    ...base,
    seed(api, data) {
      const at = clock.now();
      const result = pinned(() => base.seed(api, data));
      log.push({ kind: 'seed', at, api: result.api, data });
      onChange();
      return result;
    },
    updateSettings(patch) {
      const result = base.updateSettings(patch);
      log.push({ kind: 'settings', at: clock.now(), patch: patch as Record<string, unknown> });
      onChange();
      return result;
    },
  };
  return { engine, admin, stop };
}

/**
 * Replays a log on a fresh engine: each entry at the virtual time it was first handled, with latency
 * and fault injection off (a logged write was not faulted; latency changes nothing but wall time).
 */
export function replay(engine: Engine, admin: AdminApi, log: readonly LogEntry[]): void {
  const quiet = () => {
    engine.settings.latency = undefined;
    engine.settings.operationLatency = {};
    engine.settings.faults = undefined;
  };
  quiet();
  try {
    for (const entry of log) {
      engine.clock.pin(entry.at);
      if (entry.kind === 'request') engine.handleSync(entry.api, entry.request);
      else if (entry.kind === 'advance') engine.advance(entry.ms);
      else if (entry.kind === 'seed') admin.seed(entry.api, entry.data);
      else {
        admin.updateSettings(entry.patch as never);
        quiet();
      }
    }
  } finally {
    engine.clock.pin(undefined);
  }
}
