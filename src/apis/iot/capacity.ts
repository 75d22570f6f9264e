/**
 * The store's record cap (the engine's `maxJobs`). Jobs and job templates both count: a client that
 * creates templates under load (CreateJobTemplate takes a fresh id every time) would otherwise grow the
 * store without bound, as the soak showed. Records are kept per account and region, so the oldest of
 * every scope are merged by creation time (ties: jobs before templates, then scope order) and purged:
 * a job with its executions, per-thing links and pending fleet events; a template on its own (jobs
 * created from it keep its ARN, as in AWS, where deleting a template leaves its jobs alone).
 */
import type { JobCapacity } from '../../core/api-module.js';
import { purgeJob } from './fleet.js';
import type { IotStore, JobRecord, ScopeState, TemplateRecord } from './store.js';

type Candidate = { scope: ScopeState; createdAt: number } & ({ job: JobRecord } | { template: TemplateRecord });

export const iotJobCapacity: JobCapacity<IotStore> = {
  count(store) {
    let n = 0;
    for (const scope of store.scopes.values()) n += scope.jobs.size + scope.templates.size;
    return n;
  },
  evictOldest(store, n) {
    const candidates: Candidate[] = [];
    for (const scope of store.scopes.values()) {
      for (const key of scope.jobs.oldestKeys(n)) {
        const job = scope.jobs.get(key)!;
        candidates.push({ scope, createdAt: job.createdAt, job });
      }
      for (const key of scope.templates.oldestKeys(n)) {
        const template = scope.templates.get(key)!;
        candidates.push({ scope, createdAt: template.createdAt, template });
      }
    }
    // Array.prototype.sort is stable: equal times keep the order they were pushed in.
    const evicted = candidates.sort((a, b) => a.createdAt - b.createdAt).slice(0, n);
    for (const candidate of evicted) {
      if ('job' in candidate) {
        const { scope, job } = candidate;
        purgeJob(scope, job);
        store.scheduler.cancelOwned([job.jobId], (e) => e.scope === scope.key);
      } else {
        candidate.scope.templates.delete(candidate.template.jobTemplateId);
      }
    }
    return evicted.length;
  },
};
