/**
 * IoT jobs as the admin page shows them. Job ids are unique per account and region only, so the
 * admin id is `<account>:<region>/<jobId>`. A job keeps its creation and completion times and each
 * execution when it was queued, started and last changed; the device events still ahead are on the
 * fleet's clock. Large fleets are cut to the first executions so a detail stays readable.
 */
import type { AdminHistoryEntry, AdminJobRow, AdminView } from '../../core/api-module.js';
import { isTerminalExecution } from './lifecycle.js';
import type { FleetEvent } from './fleet.js';
import type { IotStore, JobRecord, ScopeState } from './store.js';
import { toExecution, toJob } from './views.js';

/** Executions shown in a job's history and raw JSON. */
const SHOWN_EXECUTIONS = 50;

function row(scope: ScopeState, job: JobRecord): AdminJobRow {
  return {
    id: `${scope.key}/${job.jobId}`,
    status: job.status,
    owner: `${scope.account} ${scope.region}`,
    createdAt: job.createdAt,
    summary: `${job.jobId}${job.description ? `: ${job.description}` : ''} (${job.targetSelection}, ${job.executions.size} ${job.executions.size === 1 ? 'thing' : 'things'})`,
  };
}

/** How the job itself ended, if it has (listed after its executions' changes at the same moment, which caused it). */
function jobEnd(job: JobRecord): AdminHistoryEntry[] {
  if (job.completedAt !== undefined) return [{ at: job.completedAt, status: 'COMPLETED', source: 'recorded' }];
  if (job.status !== 'IN_PROGRESS') return [{ at: job.lastUpdatedAt, status: job.status, source: 'recorded', note: 'at the last update (the job keeps no separate cancel time)' }];
  return [];
}

function executionEntries(job: JobRecord): AdminHistoryEntry[] {
  const out: AdminHistoryEntry[] = [];
  for (const e of [...job.executions.values()].slice(0, SHOWN_EXECUTIONS)) {
    const note = `execution on ${e.thingName}${e.retryAttempt > 0 ? `, retry ${e.retryAttempt}` : ''}`;
    out.push({ at: e.queuedAt, status: 'QUEUED', source: 'recorded', note });
    if (e.startedAt !== undefined) out.push({ at: e.startedAt, status: 'IN_PROGRESS', source: 'recorded', note });
    if (isTerminalExecution(e.status)) out.push({ at: e.lastUpdatedAt, status: e.status, source: 'recorded', note });
  }
  return out;
}

/** What a pending device event will do, or undefined when it no longer applies (an older attempt's). */
function plannedStatus(job: JobRecord, event: FleetEvent): { status: string; note: string } | undefined {
  if (event.kind === 'purge') return { status: 'deleted', note: 'DELETION_IN_PROGRESS ends' };
  const execution = job.executions.get(event.thingName);
  if (!execution || execution.executionNumber !== event.executionNumber || execution.retryAttempt !== event.attempt) return undefined;
  const note = `execution on ${event.thingName}`;
  if (event.kind === 'pickup') {
    const { response } = execution.fate;
    return { status: response === 'run' ? 'IN_PROGRESS' : response === 'reject' ? 'REJECTED' : 'REMOVED', note };
  }
  if (event.kind === 'progress') return { status: 'IN_PROGRESS', note: `${note} (progress report)` };
  if (event.kind === 'timeout') return { status: 'TIMED_OUT', note };
  return { status: execution.fate.outcome, note };
}

function planned(store: IotStore, scope: ScopeState, job: JobRecord): AdminHistoryEntry[] {
  const out: AdminHistoryEntry[] = [];
  for (const { at, event } of store.scheduler.pending()) {
    if (event.scope !== scope.key || event.jobId !== job.jobId) continue;
    const next = plannedStatus(job, event);
    if (next) out.push({ at, ...next, source: 'planned' });
    if (out.length >= SHOWN_EXECUTIONS) break;
  }
  return out;
}

function find(store: IotStore, id: string): { scope: ScopeState; job: JobRecord } | undefined {
  const slash = id.indexOf('/');
  const scope = slash === -1 ? undefined : store.scopes.get(id.slice(0, slash));
  const job = scope?.jobs.get(id.slice(slash + 1));
  return scope && job ? { scope, job } : undefined;
}

export const adminView: AdminView<IotStore> = {
  jobs: (store) => [...store.scopes.values()].flatMap((scope) => [...scope.jobs.values()].map((job) => row(scope, job))),
  job(store, id, now) {
    const found = find(store, id);
    if (!found) return undefined;
    const { scope, job } = found;
    const created: AdminHistoryEntry = { at: job.createdAt, status: 'IN_PROGRESS', source: 'recorded', note: 'created' };
    // A stable sort keeps creation first and the job's end after the execution changes at the same time.
    const recorded = [created, ...executionEntries(job), ...jobEnd(job)].sort((a, b) => a.at! - b.at!);
    return {
      ...row(scope, job),
      history: [...recorded, ...planned(store, scope, job)],
      // DescribeJob's `job`, and DescribeJobExecution's `execution` for the first executions.
      raw: { job: toJob(job), executions: [...job.executions.values()].slice(0, SHOWN_EXECUTIONS).map((e) => toExecution(e, now)) },
    };
  },
};
