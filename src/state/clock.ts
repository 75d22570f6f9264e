/**
 * The virtual clock: the only source of time in the engine and the APIs.
 *
 * - `manual`: time stands still until advanced (tests, deterministic runs).
 * - `real`: follows wall time from start-up, plus whatever has been advanced (serve's default), so
 *   a developer can still skip ahead an hour to see a job finish.
 */
export type ClockMode = 'manual' | 'real';

export interface Clock {
  readonly mode: ClockMode;
  /** Milliseconds since the Unix epoch, in virtual time. */
  now(): number;
  /** Moves virtual time forward; negative or non-finite values are refused. */
  advance(ms: number): number;
  /** Back to the start time (and, in real mode, re-anchors to the wall clock). */
  reset(): void;
  /** Virtual time at creation/reset. */
  readonly startedAt: number;
}

/** 2025-01-01T00:00:00Z: a fixed start so manual-clock runs are byte-identical. */
export const DEFAULT_START = Date.UTC(2025, 0, 1, 0, 0, 0);

export interface ClockOptions {
  mode?: ClockMode;
  /** Virtual start time in epoch ms. Manual default: DEFAULT_START; real default: wall time. */
  start?: number;
  /** Wall-time source, injectable for tests of the real mode. */
  wallNow?: () => number;
}

export function createClock(options: ClockOptions = {}): Clock {
  const mode = options.mode ?? 'manual';
  const wallNow = options.wallNow ?? (() => Date.now());
  const start = options.start ?? (mode === 'manual' ? DEFAULT_START : wallNow());
  let offset = 0;
  let anchor = wallNow();

  return {
    mode,
    startedAt: start,
    now: mode === 'manual' ? () => start + offset : () => start + offset + (wallNow() - anchor),
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock can only move forward by a finite number of ms, got ${ms}`);
      offset += ms;
      return this.now();
    },
    reset() {
      offset = 0;
      anchor = wallNow();
    },
  };
}
