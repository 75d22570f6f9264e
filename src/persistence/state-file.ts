import type { ApiName } from '../core/api-module.js';
import type { MockRequest } from '../core/http.js';
import { JobsKitError } from '../core/kit-error.js';
import type { ClockMode } from '../state/clock.js';

/** A state-changing request as handled, at the virtual time it was handled. */
export interface RequestEntry {
  kind: 'request';
  at: number;
  api: ApiName;
  request: Pick<MockRequest, 'method' | 'path' | 'rawQuery' | 'headers' | 'bodyText' | 'bodyBytes' | 'mountUrl'>;
}
/** Admin calls that change state or outcomes (a reset is not logged: it empties the log). */
export type AdminEntry =
  | { kind: 'advance'; at: number; ms: number }
  | { kind: 'seed'; at: number; api: ApiName; data: unknown }
  | { kind: 'settings'; at: number; patch: Record<string, unknown> };
export type LogEntry = RequestEntry | AdminEntry;

/**
 * The durable state: not the stores (they are not generically serialisable) but what rebuilds them,
 * since the engine is deterministic given its options, the clock and the request sequence.
 */
export interface StateFile {
  format: typeof FORMAT;
  version: 1;
  /** The engine options that shape state (seed, apis, fixtures, limits, caps), as JSON. */
  options: Record<string, unknown>;
  /** Settings when the log starts (auth and response validation change outcomes; latency and faults do not apply to replay). */
  settings: { auth: boolean; validateResponses: string };
  clock: { mode: ClockMode; start: number; anchor: number };
  entries: LogEntry[];
  /** Written last, checked on load: a file cut short cannot pass for a shorter log. */
  entryCount: number;
}

export const FORMAT = 'jobs-kit-state';

function fail(file: string, problem: string): JobsKitError {
  return new JobsKitError('JOBSKIT_STATE_FILE', `state file ${file} ${problem}`, 'move it away to start fresh, or point --state at another file');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and checks a state file's text; anything short of a complete, well-formed file is a one-line kit error. */
export function parseStateFile(file: string, text: string): StateFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw fail(file, `is not valid JSON (${(error as Error).message}): it is corrupt or was not written by jobs-kit`);
  }
  if (!isObject(value) || value['format'] !== FORMAT) throw fail(file, `is not a jobs-kit state file (no "format": "${FORMAT}")`);
  if (value['version'] !== 1) throw fail(file, `has version ${JSON.stringify(value['version'])}; this jobs-kit reads version 1`);
  const { options, settings, clock, entries, entryCount } = value;
  if (!isObject(options) || !isObject(settings) || !isObject(clock) || !Array.isArray(entries)) throw fail(file, 'is missing its options, settings, clock or entries');
  if (entryCount !== entries.length) throw fail(file, `says it holds ${String(entryCount)} entries but holds ${entries.length}`);
  if ((clock['mode'] !== 'manual' && clock['mode'] !== 'real') || !Number.isFinite(clock['start']) || !Number.isFinite(clock['anchor'])) throw fail(file, 'has a malformed clock');
  entries.forEach((entry: unknown, i) => {
    if (!isObject(entry) || !Number.isFinite(entry['at']) || !['request', 'advance', 'seed', 'settings'].includes(entry['kind'] as string)) throw fail(file, `has a malformed entry #${i + 1}`);
  });
  return value as unknown as StateFile;
}

export function serialiseStateFile(state: Omit<StateFile, 'entryCount'>): string {
  return JSON.stringify({ ...state, entryCount: state.entries.length });
}
