import { readFileSync } from 'node:fs';
import { createAdminApi, type AdminApi } from '../admin/admin-api.js';
import { JobsKitError } from '../core/kit-error.js';
import { createEngine } from '../engine/create-engine.js';
import type { Engine } from '../engine/engine.js';
import type { EngineOptions } from '../engine/engine-options.js';
import { createClock, type ClockMode } from '../state/clock.js';
import { writeFileAtomic } from './atomic-write.js';
import { recordChanges, replay } from './replay-log.js';
import { parseStateFile, serialiseStateFile, type LogEntry, type StateFile } from './state-file.js';

/** Options that are configuration rather than state: free to differ between the run that wrote a file and the one reading it. */
const NOT_STATE = new Set(['latency', 'operationLatency', 'faults', 'journalSize', 'auth', 'validateResponses', 'onError', 'clock', 'modules']);

export interface DurableStateOptions extends EngineOptions {
  /** Longest wait between a change and the snapshot that holds it (ms, default 200). */
  debounceMs?: number;
}

export interface DurableState {
  engine: Engine;
  admin: AdminApi;
  /** How many logged changes were replayed from the file at start (0 for a new file). */
  restored: number;
  /** Writes the snapshot now if anything changed since the last one. */
  flush(): void;
  /** Flushes and stops recording (on exit). */
  close(): void;
}

function stateShaping(options: EngineOptions, mode: ClockMode): Record<string, unknown> {
  const out: Record<string, unknown> = { clock: mode };
  for (const key of Object.keys(options).sort()) {
    const value = (options as Record<string, unknown>)[key];
    if (!NOT_STATE.has(key) && value !== undefined && typeof value !== 'function') out[key] = value;
  }
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}

function readState(file: string): StateFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new JobsKitError('JOBSKIT_STATE_FILE', `state file ${file} cannot be read: ${(error as Error).message}`, 'fix its permissions or point --state at another file');
  }
  return parseStateFile(file, text);
}

/**
 * `serve --state FILE`: an engine whose state survives restarts. The file holds a replay log (see
 * docs/reliability.md): on open it is replayed on a fresh engine; every change is logged and the whole
 * file is rewritten atomically at most every `debounceMs`, and on flush/close. A reset empties the log.
 */
export function openDurableState(file: string, options: DurableStateOptions = {}): DurableState {
  if (options.modules) throw new JobsKitError('JOBSKIT_USAGE', 'durable state works with the built-in APIs only');
  const mode: ClockMode = typeof options.clock === 'object' ? options.clock.mode : (options.clock ?? 'manual');
  const shaping = stateShaping(options, mode);
  const loaded = readState(file);
  if (loaded && JSON.stringify(loaded.options) !== JSON.stringify(shaping)) {
    throw new JobsKitError('JOBSKIT_STATE_FILE', `state file ${file} was recorded with ${JSON.stringify(loaded.options)}, not ${JSON.stringify(shaping)}`, 'start serve with the options it was recorded with, or use another --state file');
  }
  const clock = createClock({ mode, start: loaded?.clock.start, anchor: loaded?.clock.anchor });
  const wanted = { auth: options.auth ?? true, validateResponses: options.validateResponses ?? 'off' };
  const settings = loaded?.settings ?? wanted;
  // Stores are built (fixtures scheduled) at exactly the start time, in the run that writes the log and in every replay of it.
  clock.pin(clock.startedAt);
  const inner = createEngine({ ...options, clock, auth: settings.auth, validateResponses: settings.validateResponses as EngineOptions['validateResponses'] });
  clock.pin(undefined);

  const log: LogEntry[] = [];
  if (loaded) {
    try {
      replay(inner, createAdminApi(inner), loaded.entries);
    } catch (error) {
      throw new JobsKitError('JOBSKIT_STATE_FILE', `state file ${file} could not be replayed: ${(error as Error).message}`, 'move it away to start fresh');
    }
    log.push(...loaded.entries);
    inner.journal.clear();
  }
  // Settings are configuration: this run's flags apply from here on, and the log says so where they differ.
  const patch: Record<string, unknown> = {};
  if (inner.settings.auth !== wanted.auth) patch['auth'] = wanted.auth;
  if (inner.settings.validateResponses !== wanted.validateResponses) patch['validateResponses'] = wanted.validateResponses;
  Object.assign(inner.settings, wanted, { latency: options.latency, operationLatency: { ...(options.operationLatency ?? {}) }, faults: options.faults });
  if (Object.keys(patch).length > 0) log.push({ kind: 'settings', at: clock.now(), patch });

  let head = { settings, clock: { mode, start: clock.startedAt, anchor: clock.anchor } };
  let dirty = loaded === undefined || Object.keys(patch).length > 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    writeFileAtomic(file, serialiseStateFile({ format: 'jobs-kit-state', version: 1, options: shaping, ...head, entries: log }));
  };
  let closed = false;
  const flushLater = () => {
    try {
      flush();
    } catch (error) {
      // A failed write (disk full, file removed) must not take the server down: say so and try again on the next change.
      dirty = true;
      (options.onError ?? console.error)(`could not save state to ${file}: ${(error as Error).message}`, error);
    }
  };
  const changed = () => {
    if (closed) return;
    dirty = true;
    if (timer === undefined) {
      timer = setTimeout(flushLater, options.debounceMs ?? 200);
      timer.unref();
    }
  };
  const onReset = () => {
    // A reset starts the log again from the engine's settings now and the re-anchored clock.
    head = { settings: { auth: inner.settings.auth, validateResponses: inner.settings.validateResponses }, clock: { mode, start: clock.startedAt, anchor: clock.anchor } };
  };
  const recording = recordChanges(inner, createAdminApi, log, changed, onReset);
  flush();
  return {
    engine: recording.engine,
    admin: recording.admin,
    restored: loaded?.entries.length ?? 0,
    flush,
    close() {
      flush();
      closed = true;
      recording.stop();
    },
  };
}
