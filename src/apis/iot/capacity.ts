/**
 * The store's job cap (the engine's `maxJobs`): jobs are kept per account and region, so the oldest
 * jobs of every scope are merged by creation time (ties in scope order) and purged with their
 * executions, per-thing links and pending fleet events.
 */
import type { JobCapacity } from '../../core/api-module.js';
import { purgeJob } from './fleet.js';
import type { IotStore, JobRecord, ScopeState } from './store.js';

export const iotJobCapacity: JobCapacity<IotStore> = {
  count(store) {
    let n = 0;
    for (const scope of store.scopes.values()) n += scope.jobs.size;
    return n;
  },
  evictOldest(store, n) {
    const candidates: Array<{ scope: ScopeState; job: JobRecord }> = [];
    for (const scope of store.scopes.values()) {
      for (const key of scope.jobs.oldestKeys(n)) candidates.push({ scope, job: scope.jobs.get(key)! });
    }
    // Array.prototype.sort is stable: equal times keep scope order, then each scope's own order.
    const evicted = candidates.sort((a, b) => a.job.createdAt - b.job.createdAt).slice(0, n);
    const gone = new Set<string>();
    for (const { scope, job } of evicted) {
      purgeJob(scope, job);
      gone.add(`${scope.key}\n${job.jobId}`);
    }
    if (gone.size > 0) store.scheduler.cancel((e) => gone.has(`${e.scope}\n${e.jobId}`));
    return evicted.length;
  },
};
