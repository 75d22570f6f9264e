/**
 * Exabyte jobs as the admin page shows them. The job's own `statusTrack` records every status with
 * the time it was entered, so the history is the track itself, plus the next change on the clock.
 */
import type { AdminJobRow, AdminView } from '../../core/api-module.js';
import type { Job } from './lifecycle.js';
import type { ExabyteStore } from './store.js';

function row(job: Job): AdminJobRow {
  return {
    id: job._id,
    status: job.status,
    owner: job.owner.slug ?? job.owner._id,
    createdAt: Date.parse(job.createdAt),
    summary: `${job.name} (${job.workflow.name ?? job.workflow._id})`,
  };
}

export const adminView: AdminView<ExabyteStore> = {
  jobs: (store) => [...store.jobs.values()].map(row),
  job(store, id) {
    const job = store.jobs.get(id);
    if (!job) return undefined;
    const planned = store.scheduler.pending().filter((e) => e.event.jobId === id);
    return {
      ...row(job),
      history: [
        ...job.statusTrack.map((t) => ({ at: t.trackedAt, status: t.status, source: 'recorded' as const })),
        ...planned.map((e) => ({ at: e.at, status: e.event.status, source: 'planned' as const })),
      ],
      // The stored job is the API's own document (GET /jobs/{id} answers it inside a JSend envelope).
      raw: job,
    };
  },
};
