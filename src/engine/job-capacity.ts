import type { ApiRuntime } from './api-runtime.js';

/**
 * Default `maxJobs` per API. A mock under a load test creates jobs for as long as the test runs; the cap
 * keeps its memory bounded (≈ 1-6 KB per job depending on the API, so ≤ ≈ 600 MiB at this default)
 * while still holding the 100,000 jobs the benchmark's list-cost figure uses.
 */
export const DEFAULT_MAX_JOBS = 100_000;

/** How full one API's store is, for `/__admin/state`. `jobs` is null for a module that does not count its jobs. */
export interface StoreStats {
  jobs: number | null;
  capacity: number;
  /** Jobs evicted since the last reset, oldest first. */
  evicted: number;
}

/**
 * Past the cap, exactly the overflow goes, oldest first, so a store never holds more than `maxJobs`.
 * Evicting is cheap per job (the scheduler drops a job's pending events through its index by owner), so
 * there is no batching: a batch of 1,000 evictions was a pause of several milliseconds every 1,000
 * creates, which set the p99 of creating under load.
 */
export function trimJobs(rt: ApiRuntime, maxJobs: number, now: number): void {
  const capacity = rt.module.jobCapacity;
  if (!capacity) return;
  const over = capacity.count(rt.store) - maxJobs;
  if (over <= 0) return;
  rt.evicted += capacity.evictOldest(rt.store, over, now);
}

export function storeStats(rt: ApiRuntime, maxJobs: number): StoreStats {
  const capacity = rt.module.jobCapacity;
  return { jobs: capacity ? capacity.count(rt.store) : null, capacity: maxJobs, evicted: rt.evicted };
}
