/**
 * Alteryx jobs as the admin page shows them. A V3 job keeps only its `createDateTime`, so a status
 * reached since then is shown without a time; the run still ahead (start, finish) is planned in full
 * when the job is queued, so those entries carry their times.
 */
import type { AdminHistoryEntry, AdminJobRow, AdminView } from '../../core/api-module.js';
import { toJobView } from './handlers/access.js';
import type { AlteryxStore, StoredJob } from './store.js';

function row(store: AlteryxStore, stored: StoredJob): AdminJobRow {
  const { job } = stored;
  return {
    id: job.id,
    status: job.disposition === 'None' ? job.status : `${job.status}/${job.disposition}`,
    owner: stored.ownerId,
    createdAt: stored.createdAt,
    summary: `${store.workflows.get(job.appId)?.name ?? job.appId} (${job.priority})`,
  };
}

function history(store: AlteryxStore, stored: StoredJob): AdminHistoryEntry[] {
  const { job } = stored;
  const out: AdminHistoryEntry[] = [{ at: stored.createdAt, status: 'Queued', source: 'recorded', note: 'created' }];
  if (job.status !== 'Queued') out.push({ at: null, status: row(store, stored).status, source: 'unknown-time', note: 'current status (the job keeps no transition times)' });
  for (const { at, event } of store.scheduler.pending()) {
    if (event.jobId !== job.id) continue;
    if (event.kind === 'start') out.push({ at, status: 'Running', source: 'planned' });
    if (event.kind === 'finish') out.push({ at, status: `Completed/${event.disposition}`, source: 'planned' });
  }
  return out;
}

export const adminView: AdminView<AlteryxStore> = {
  jobs: (store) => [...store.jobs.values()].map((stored) => row(store, stored)),
  job(store, id) {
    const stored = store.jobs.get(id);
    if (!stored) return undefined;
    // As GET /v3/jobs/{jobId} answers it.
    return { ...row(store, stored), history: history(store, stored), raw: toJobView(stored, true) };
  },
};
