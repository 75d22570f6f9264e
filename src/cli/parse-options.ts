import { API_NAMES, type ApiName } from '../core/api-module.js';
import { JobsKitError } from '../core/kit-error.js';
import type { LatencySetting } from '../engine/engine-options.js';
import { parseLatency } from '../respond/delay.js';

export function parseApis(value: string | undefined): ApiName[] {
  if (value === undefined) return [...API_NAMES];
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(API_NAMES as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new JobsKitError('JOBSKIT_USAGE', `unknown API ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'}`, `--api takes ${API_NAMES.join(', ')}`);
  }
  return [...new Set(names)] as ApiName[];
}

export function parseInteger(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || n < min || n > max) throw new JobsKitError('JOBSKIT_USAGE', `${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

export function parseLatencyFlag(value: string | undefined): LatencySetting | undefined {
  if (value === undefined) return undefined;
  const latency = parseLatency(value);
  if (!latency) throw new JobsKitError('JOBSKIT_USAGE', `--latency takes MS or MIN-MAX (e.g. 50 or 20-200), got "${value}"`);
  return latency;
}

export function parseChoice<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw new JobsKitError('JOBSKIT_USAGE', `${flag} must be one of ${choices.join(', ')}, got "${value}"`);
  return value as T;
}

/** `--latency-op listJobs=200-800` (repeatable) → per-operation latency. */
export function parseOperationLatency(values: string[]): Record<string, LatencySetting> {
  const out: Record<string, LatencySetting> = {};
  for (const value of values) {
    const [operationId, ms] = value.split('=', 2);
    const latency = ms === undefined ? undefined : parseLatency(ms);
    if (!operationId || !latency) throw new JobsKitError('JOBSKIT_USAGE', `--latency-op takes OPERATION_ID=MS or OPERATION_ID=MIN-MAX, got "${value}"`);
    out[operationId] = latency;
  }
  return out;
}
