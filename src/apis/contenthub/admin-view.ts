/**
 * Content Hub jobs as the admin page shows them. A job records when it was created, started and
 * ended, its targets when each started and ended; the time it was queued (Pending) is kept only
 * while it waits, so after a worker picks the job up that entry has no time.
 */
import type { AdminHistoryEntry, AdminJobRow, AdminView } from '../../core/api-module.js';
import { ENABLED_CULTURES } from './cultures.js';
import { HOST_LINKS } from './links.js';
import type { JobRecord } from './records.js';
import { jobToApi, targetToApi } from './serialize.js';
import type { ContentHubStore } from './store.js';

const pair = (state: string, condition: string) => `${state}/${condition}`;

function row(job: JobRecord): AdminJobRow {
  const title = job.title.get('en-US') ?? job.title.values().next().value;
  return {
    id: String(job.id),
    status: pair(job.state, job.condition),
    owner: `user ${job.createdBy}`,
    createdAt: job.createdOn,
    summary: title ? `${job.type}: ${title}` : job.type,
  };
}

function recorded(job: JobRecord): AdminHistoryEntry[] {
  const out: AdminHistoryEntry[] = [{ at: job.createdOn, status: 'Created/Pending', source: 'recorded', note: 'created' }];
  if (job.pendingSince !== null) out.push({ at: job.pendingSince, status: 'Pending/Pending', source: 'recorded', note: 'queued, waiting for a worker' });
  if (job.startedOn !== null) out.push({ at: job.startedOn, status: 'InProgress/None', source: 'recorded', note: 'a worker picked the job up' });
  for (const target of job.targets.values()) {
    if (target.startedOn !== null) out.push({ at: target.startedOn, status: 'InProgress/None', source: 'recorded', note: `target ${target.id}` });
    if (target.endedOn !== null) out.push({ at: target.endedOn, status: pair(target.state, target.condition), source: 'recorded', note: `target ${target.id}` });
  }
  if (job.endedOn !== null) out.push({ at: job.endedOn, status: pair(job.state, job.condition), source: 'recorded', note: job.message ?? undefined });
  // Stable: at equal times the job's own change stays before its targets' (start) or after them (end).
  out.sort((a, b) => a.at! - b.at!);
  // A status reached by a route the record keeps no time for (a job seeded Cancelled, say) still shows.
  const shown = { Created: true, Pending: job.pendingSince !== null, InProgress: job.startedOn !== null, Completed: job.endedOn !== null, Cancelled: job.endedOn !== null };
  if (!shown[job.state]) out.push({ at: null, status: pair(job.state, job.condition), source: 'unknown-time', note: 'current status' });
  return out;
}

function planned(store: ContentHubStore, job: JobRecord): AdminHistoryEntry[] {
  const out: AdminHistoryEntry[] = [];
  for (const { at, event } of store.scheduler.pending()) {
    if (event.jobId !== job.id) continue;
    if (event.kind === 'queue' && job.state === 'Created') out.push({ at, status: 'Pending/Pending', source: 'planned' });
    if (event.kind === 'pickup' && job.state === 'Pending') out.push({ at, status: 'InProgress/None', source: 'planned', note: 'a worker picks the job up' });
    if (event.kind === 'expire' && job.state === 'Pending' && job.pendingSince === event.since) {
      out.push({ at, status: 'Completed/Failure', source: 'planned', note: 'the 48-hour rule, if no worker has picked the job up by then' });
    }
    if (event.kind === 'finish' && job.workerTarget === event.targetId) {
      out.push({ at, status: pair('Completed', event.failed ? 'Failure' : 'Success'), source: 'planned', note: `target ${event.targetId}` });
    }
  }
  return out;
}

export const adminView: AdminView<ContentHubStore> = {
  jobs: (store) => [...store.jobs.values()].map(row),
  job(store, id) {
    const job = /^\d+$/.test(id) ? store.jobs.get(Number(id)) : undefined;
    if (!job) return undefined;
    return {
      ...row(job),
      history: [...recorded(job), ...planned(store, job)],
      // The job and its targets as the API returns them (all cultures, links on the real host).
      raw: { job: jobToApi(job, ENABLED_CULTURES, HOST_LINKS), targets: [...job.targets.values()].map((t) => targetToApi(t, ENABLED_CULTURES, HOST_LINKS)) },
    };
  },
};
