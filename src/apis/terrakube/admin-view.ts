/**
 * Terrakube jobs as the admin page shows them. A Terrakube job keeps only `createdDate` and
 * `updatedDate`, so the history is honest about that: creation, the last change, and what the
 * scheduler has planned for the job next.
 */
import type { AdminHistoryEntry, AdminJobDetail, AdminJobRow, AdminView } from '../../core/api-module.js';
import type { JobRecord } from './model.js';
import { jobResource, stepResource } from './serialize.js';
import { getJob, stepsOf, type TerrakubeStore } from './store.js';

/** What the next scheduler tick does to a job, by the status it waits in. */
const TICK_EFFECT: Partial<Record<string, string>> = {
  pending: 'scheduler pick-up (next step, or completed when none is left)',
  approved: 'scheduler pick-up after approval',
  queue: 'running (the executor starts the step)',
  running: 'step ends (next step pending, or failed)',
};

function row(store: TerrakubeStore, job: JobRecord): AdminJobRow {
  const workspace = store.workspaces.get(job.workspaceId);
  const template = job.templateReference ? store.templates.get(job.templateReference)?.name : undefined;
  const what = job.command ?? template ?? 'workspace default template';
  return {
    id: String(job.id),
    status: job.status,
    owner: job.createdBy ?? undefined,
    createdAt: job.createdDate,
    summary: `${what} on ${workspace?.name ?? job.workspaceId}`,
  };
}

function history(store: TerrakubeStore, job: JobRecord): AdminHistoryEntry[] {
  const out: AdminHistoryEntry[] = [{ at: job.createdDate, status: 'pending', source: 'recorded', note: 'created' }];
  if (job.updatedDate > job.createdDate) {
    out.push({ at: job.updatedDate, status: job.status, source: 'recorded', note: 'last change (Terrakube keeps no earlier transition times)' });
  } else if (job.status !== 'pending') {
    out.push({ at: null, status: job.status, source: 'unknown-time', note: 'current status' });
  }
  for (const { at, event } of store.scheduler.pending()) {
    if (event.jobId !== job.id) continue;
    if (event.kind === 'expire') out.push({ at, status: 'failed', source: 'planned', note: '6-hour limit: failed then if still unfinished (a job waiting for approval is left alone)' });
    else if (event.version === job.version) out.push({ at, status: job.status, source: 'planned', note: TICK_EFFECT[job.status] ?? 'scheduler tick' });
  }
  return out;
}

export const adminView: AdminView<TerrakubeStore> = {
  jobs: (store) => [...store.jobs.values()].map((job) => row(store, job)),
  job(store, id) {
    const job = /^\d+$/.test(id) ? getJob(store, Number(id)) : undefined;
    if (!job) return undefined;
    const detail: AdminJobDetail = {
      ...row(store, job),
      history: history(store, job),
      // The job resource with its steps included, as the API renders them (JSON:API).
      raw: { data: jobResource(job), included: stepsOf(store, job).map((step) => stepResource(step)) },
    };
    return detail;
  },
};
