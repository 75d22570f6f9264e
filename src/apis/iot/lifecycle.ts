/**
 * The AWS IoT Jobs state machines (https://docs.aws.amazon.com/iot/latest/developerguide/iot-jobs-lifecycle.html):
 *
 *   job:        IN_PROGRESS → COMPLETED (SNAPSHOT, every execution terminal) | CANCELED | DELETION_IN_PROGRESS
 *               COMPLETED / CANCELED → DELETION_IN_PROGRESS; CANCELED → CANCELED (a later forced cancel)
 *   execution:  QUEUED → IN_PROGRESS | REJECTED | REMOVED | CANCELED
 *               IN_PROGRESS → IN_PROGRESS (progress) | SUCCEEDED | FAILED | TIMED_OUT | REJECTED | CANCELED
 *               IN_PROGRESS → QUEUED (a retry under jobExecutionsRetryConfig)
 *
 * Every change of an execution bumps its versionNumber and moves its job's counts in step.
 */
import type { ExecutionRecord, ExecutionStatus, JobRecord, JobStatus } from './store.js';

export const TERMINAL_EXECUTION_STATUSES: ReadonlySet<ExecutionStatus> = new Set<ExecutionStatus>([
  'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'REJECTED', 'REMOVED', 'CANCELED',
]);

export const TERMINAL_JOB_STATUSES: ReadonlySet<JobStatus> = new Set<JobStatus>(['COMPLETED', 'CANCELED']);

export const EXECUTION_TRANSITIONS: Readonly<Record<ExecutionStatus, readonly ExecutionStatus[]>> = {
  QUEUED: ['IN_PROGRESS', 'REJECTED', 'REMOVED', 'CANCELED'],
  IN_PROGRESS: ['IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'REJECTED', 'CANCELED', 'QUEUED'],
  SUCCEEDED: [],
  FAILED: [],
  TIMED_OUT: [],
  REJECTED: [],
  REMOVED: [],
  CANCELED: [],
};

export const JOB_TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  IN_PROGRESS: ['COMPLETED', 'CANCELED', 'DELETION_IN_PROGRESS'],
  COMPLETED: ['DELETION_IN_PROGRESS'],
  CANCELED: ['CANCELED', 'DELETION_IN_PROGRESS'],
  DELETION_IN_PROGRESS: [],
};

export function isTerminalExecution(status: ExecutionStatus): boolean {
  return TERMINAL_EXECUTION_STATUSES.has(status);
}

export function isTerminalJob(status: JobStatus): boolean {
  return TERMINAL_JOB_STATUSES.has(status);
}

/** A transition the state machine does not have is a bug in the mock, never a client error. */
function assertTransition<S extends string>(table: Readonly<Record<S, readonly S[]>>, from: S, to: S, what: string): void {
  if (!table[from].includes(to)) throw new Error(`iot lifecycle: ${what} cannot go from ${from} to ${to}`);
}

export function setJobStatus(job: JobRecord, to: JobStatus, at: number): void {
  assertTransition(JOB_TRANSITIONS, job.status, to, `job ${job.jobId}`);
  job.status = to;
  job.lastUpdatedAt = at;
  if (to === 'COMPLETED') job.completedAt = at;
}

/** A SNAPSHOT job is COMPLETED once none of its executions is QUEUED or IN_PROGRESS. */
export function settleJob(job: JobRecord, at: number): void {
  if (job.targetSelection !== 'SNAPSHOT' || job.status !== 'IN_PROGRESS') return;
  if (job.counts.QUEUED + job.counts.IN_PROGRESS === 0) setJobStatus(job, 'COMPLETED', at);
}

export interface ExecutionChange {
  statusDetails?: Map<string, string>;
  forceCanceled?: boolean;
}

/** Moves an execution (and its job's counts) to `to`; settles a SNAPSHOT job that is done. */
export function changeExecution(job: JobRecord, execution: ExecutionRecord, to: ExecutionStatus, at: number, change: ExecutionChange = {}): void {
  const from = execution.status;
  assertTransition(EXECUTION_TRANSITIONS, from, to, `the execution of ${job.jobId} on ${execution.thingName}`);
  job.counts[from]--;
  job.counts[to]++;
  execution.status = to;
  execution.versionNumber++;
  execution.lastUpdatedAt = at;
  if (from === 'QUEUED' && to === 'IN_PROGRESS') execution.startedAt = at;
  if (to === 'QUEUED') {
    execution.queuedAt = at;
    delete execution.startedAt;
  }
  if (to !== 'IN_PROGRESS') delete execution.timeoutAt;
  if (change.statusDetails) execution.statusDetails = change.statusDetails;
  if (change.forceCanceled) execution.forceCanceled = true;
  job.lastUpdatedAt = at;
  settleJob(job, at);
}

/** Adds a fresh QUEUED execution to the job's executions and counts. */
export function addExecution(job: JobRecord, execution: ExecutionRecord): void {
  job.executions.set(execution.thingName, execution);
  job.counts[execution.status]++;
}

/** Removes an execution (DeleteJobExecution); a SNAPSHOT job may be done afterwards. */
export function removeExecution(job: JobRecord, execution: ExecutionRecord, at: number): void {
  job.executions.delete(execution.thingName);
  job.counts[execution.status]--;
  job.lastUpdatedAt = at;
  settleJob(job, at);
}
