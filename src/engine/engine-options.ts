import type { ApiModule, ApiName } from '../core/api-module.js';
import type { Clock, ClockMode } from '../state/clock.js';

/** A delay in ms: fixed, or drawn uniformly from [min, max] per request. */
export interface LatencySetting {
  min: number;
  max: number;
}

export interface FaultSetting {
  /** Share of requests (0..1) answered with an injected server error instead of running. */
  rate: number;
  /** The status of injected faults (5xx), default 500. */
  status: number;
}

export type ResponseValidationMode = 'off' | 'warn' | 'throw';

export interface EngineOptions {
  /** Which APIs to serve (default: all five). */
  apis?: readonly ApiName[];
  /** Seed for ids and simulated outcomes (default 1). */
  seed?: number;
  /** Clock mode or a ready clock (default 'manual'). */
  clock?: ClockMode | Clock;
  /** Enforce each API's documented auth (default true). */
  auth?: boolean;
  /** Load the committed fixtures into each store (default true). */
  fixtures?: boolean;
  /** Check every response the mock produces against the spec (default 'off'; tests use 'throw'). */
  validateResponses?: ResponseValidationMode;
  /** Request journal capacity (default 1000). */
  journalSize?: number;
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /**
   * Jobs each API's store holds at most (default DEFAULT_MAX_JOBS, 100,000); past it the oldest are
   * evicted, finished or not, with their executions/steps/logs. The counts show in `Engine.storeStats()`.
   */
  maxJobs?: number;
  latency?: LatencySetting;
  /** Per-operation latency, keyed by operationId. */
  operationLatency?: Record<string, LatencySetting>;
  faults?: FaultSetting;
  /** Called for unexpected handler exceptions and response-validation findings (default: console.error). */
  onError?: (message: string, error?: unknown) => void;
  /** Use these modules instead of the built-in ones (tests, deliberately broken variants). */
  modules?: readonly ApiModule<any>[];
}

/** Settings that can change while the engine runs (admin API, CLI flags). */
export interface EngineSettings {
  auth: boolean;
  latency: LatencySetting | undefined;
  operationLatency: Record<string, LatencySetting>;
  faults: FaultSetting | undefined;
  validateResponses: ResponseValidationMode;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
