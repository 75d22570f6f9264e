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
  /** Wall time (epoch ms) that `startedAt` corresponds to in real mode: with it a restarted clock carries on. */
  readonly anchor: number;
  /**
   * Holds `now()` at `ms` until unpinned (`undefined`); `advance` moves the pin too. Durable state pins the
   * clock while a write is handled, so every read inside one request sees the instant it records, and
   * while replaying, so each write sees the instant it was first handled at.
   */
  pin(ms: number | undefined): void;
}

/** 2025-01-01T00:00:00Z: a fixed start so manual-clock runs are byte-identical. */
export const DEFAULT_START = Date.UTC(2025, 0, 1, 0, 0, 0);

export interface ClockOptions {
  mode?: ClockMode;
  /** Virtual start time in epoch ms. Manual default: DEFAULT_START; real default: wall time. */
  start?: number;
  /** Real mode: the wall time `start` corresponds to (default: now). A restored clock passes the recorded one. */
  anchor?: number;
  /** Wall-time source, injectable for tests of the real mode. */
  wallNow?: () => number;
}

export function createClock(options: ClockOptions = {}): Clock {
  const mode = options.mode ?? 'manual';
  const wallNow = options.wallNow ?? (() => Date.now());
  let anchor = options.anchor ?? wallNow();
  const start = options.start ?? (mode === 'manual' ? DEFAULT_START : anchor);
  let offset = 0;
  let pinned: number | undefined;
  const free = mode === 'manual' ? () => start + offset : () => start + offset + (wallNow() - anchor);

  return {
    mode,
    startedAt: start,
    get anchor() {
      return anchor;
    },
    now: () => (pinned === undefined ? free() : pinned),
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock can only move forward by a finite number of ms, got ${ms}`);
      offset += ms;
      if (pinned !== undefined) pinned += ms;
      return this.now();
    },
    reset() {
      offset = 0;
      anchor = wallNow();
      // A pinned clock stays pinned, at the start: what is rebuilt on reset sees exactly the start time.
      if (pinned !== undefined) pinned = start;
    },
    pin(ms) {
      if (ms !== undefined && !Number.isFinite(ms)) throw new RangeError(`clock can only be pinned at a finite time, got ${ms}`);
      pinned = ms;
    },
  };
}
