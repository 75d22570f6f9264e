/**
 * The simulated device fleet: each execution attempt gets a fate drawn from its own fork of the
 * seeded random (so the order of requests does not change what a device does), and the fate becomes
 * events on the virtual clock: the device picks the job up (or rejects it, or leaves the target
 * group), reports progress, and ends SUCCEEDED / FAILED, or TIMED_OUT when the job's in-progress
 * timeout runs out first. A FAILED / TIMED_OUT attempt is re-queued while the job's retry config allows.
 */
import { changeExecution } from './lifecycle.js';
import type { ExecutionRecord, ExecutionStatus, IotStore, JobRecord, ScopeState } from './store.js';

export interface Fate {
  /** Delay before the device picks the execution up. */
  pickupMs: number;
  /** What the device does then: run it, reject it, or (CONTINUOUS group targets) leave the group. */
  response: 'run' | 'reject' | 'leave-group';
  /** How long a run takes. */
  runMs: number;
  outcome: 'SUCCEEDED' | 'FAILED';
  /** The execution came from a thing-group target of a CONTINUOUS job, so the thing can leave the group. */
  removable: boolean;
}

interface ExecutionEventKey {
  scope: string;
  jobId: string;
  thingName: string;
  executionNumber: number;
  attempt: number;
}

export type FleetEvent =
  | (ExecutionEventKey & { kind: 'pickup' | 'progress' | 'finish' | 'timeout' })
  | { kind: 'purge'; scope: string; jobId: string };

/**
 * The scheduler's owner of an event: its job id, a string the event already holds (no key is built per
 * event). A job id is unique only within its account and region, so cancelling filters on the scope too.
 */
export const fleetEventOwner = (event: FleetEvent): string => event.jobId;

const MINUTE = 60_000;
/** How long DELETION_IN_PROGRESS lasts: AWS says deletion "may take time, depending on the number of job executions". */
export const DELETION_BASE_MS = 30_000;
export const DELETION_PER_EXECUTION_MS = 100;

export function rollFate(store: IotStore, job: JobRecord, execution: Pick<ExecutionRecord, 'thingName' | 'executionNumber' | 'retryAttempt'>, removable: boolean): Fate {
  const r = store.fleet.fork(`${job.jobArn}#${execution.thingName}#${execution.executionNumber}#${execution.retryAttempt}`);
  const offline = r.chance(0.1);
  const pickupMs = offline ? r.int(10 * MINUTE, 60 * MINUTE) : r.int(5_000, 2 * MINUTE);
  const roll = r.next();
  const response = removable && roll < 0.05 ? 'leave-group' : roll < 0.1 ? 'reject' : 'run';
  const slow = r.chance(0.1);
  const runMs = slow ? r.int(20 * MINUTE, 120 * MINUTE) : r.int(MINUTE, 15 * MINUTE);
  const outcome = r.chance(0.12) ? 'FAILED' : 'SUCCEEDED';
  return { pickupMs, response, runMs, outcome, removable };
}

type ExecutionEventKind = Exclude<FleetEvent['kind'], 'purge'>;

/**
 * An execution's event, written as one literal: an object built by spreading a shared key carries an
 * over-sized property store (≈ 400 B more per object, measured), and pending events live as long as the job.
 */
function eventOf(kind: ExecutionEventKind, scope: ScopeState, execution: ExecutionRecord): FleetEvent {
  return { kind, scope: scope.key, jobId: execution.jobId, thingName: execution.thingName, executionNumber: execution.executionNumber, attempt: execution.retryAttempt };
}

function details(entries: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(entries));
}

/** Schedules the device's pickup, no earlier than the job's rollout rate (`maximumPerMinute`) allows. */
export function schedulePickup(store: IotStore, scope: ScopeState, job: JobRecord, execution: ExecutionRecord, from: number): void {
  const perMinute = job.config.jobExecutionsRolloutConfig?.maximumPerMinute;
  const slot = perMinute ? job.createdAt + Math.floor(job.rolledOut / perMinute) * MINUTE : from;
  job.rolledOut++;
  store.scheduler.schedule(Math.max(from + execution.fate.pickupMs, slot), eventOf('pickup', scope, execution));
}

/** Schedules the rest of a run that started at `startedAt`: progress at half-way, then the end or the timeout. */
export function scheduleRun(store: IotStore, scope: ScopeState, execution: ExecutionRecord, from: number): void {
  const endAt = from + execution.fate.runMs;
  const halfway = from + execution.fate.runMs / 2;
  if (execution.timeoutAt === undefined || halfway < execution.timeoutAt) store.scheduler.schedule(halfway, eventOf('progress', scope, execution));
  if (execution.timeoutAt !== undefined && execution.timeoutAt <= endAt) store.scheduler.schedule(Math.max(execution.timeoutAt, from), eventOf('timeout', scope, execution));
  else store.scheduler.schedule(endAt, eventOf('finish', scope, execution));
}

/** True when the job's retry config allows another attempt after an attempt that ended `status`. */
function mayRetry(job: JobRecord, execution: ExecutionRecord, status: ExecutionStatus): boolean {
  const criteria = job.config.jobExecutionsRetryConfig?.criteriaList ?? [];
  const allowed = Math.max(0, ...criteria.filter((c) => c.failureType === status || c.failureType === 'ALL').map((c) => c.numberOfRetries));
  return job.status === 'IN_PROGRESS' && execution.retryAttempt < allowed;
}

function end(store: IotStore, scope: ScopeState, job: JobRecord, execution: ExecutionRecord, status: ExecutionStatus, at: number): void {
  if ((status === 'FAILED' || status === 'TIMED_OUT') && mayRetry(job, execution, status)) {
    changeExecution(job, execution, 'QUEUED', at, { statusDetails: details({ lastAttempt: status }) });
    execution.retryAttempt++;
    execution.fate = rollFate(store, job, execution, execution.fate.removable);
    schedulePickup(store, scope, job, execution, at);
    return;
  }
  const reason: Record<string, string> = status === 'FAILED' ? { step: 'installing', reason: 'checksum mismatch after download' } : status === 'TIMED_OUT' ? { step: 'installing' } : { step: 'done', progress: '100%' };
  changeExecution(job, execution, status, at, { statusDetails: details(reason) });
}

function pickUp(store: IotStore, scope: ScopeState, job: JobRecord, execution: ExecutionRecord, at: number): void {
  const { response } = execution.fate;
  if (response === 'leave-group') return changeExecution(job, execution, 'REMOVED', at, { statusDetails: details({ reason: 'thing left the target thing group' }) });
  if (response === 'reject') return changeExecution(job, execution, 'REJECTED', at, { statusDetails: details({ reason: 'device rejected the job document' }) });
  const minutes = job.config.timeoutConfig?.inProgressTimeoutInMinutes;
  changeExecution(job, execution, 'IN_PROGRESS', at, { statusDetails: details({ step: 'downloading', progress: '0%' }) });
  if (minutes !== undefined) execution.timeoutAt = at + minutes * MINUTE;
  scheduleRun(store, scope, execution, at);
}

/** Removes a job and its executions for good (the end of DELETION_IN_PROGRESS). */
export function purgeJob(scope: ScopeState, job: JobRecord): void {
  for (const execution of job.executions.values()) scope.thingJobs.get(execution.thingName)?.delete(job.jobId);
  scope.jobs.delete(job.jobId);
}

export function applyFleetEvent(store: IotStore, event: FleetEvent, at: number): void {
  const scope = store.scopes.get(event.scope);
  const job = scope?.jobs.get(event.jobId);
  if (!scope || !job) return;
  if (event.kind === 'purge') {
    if (job.status === 'DELETION_IN_PROGRESS') purgeJob(scope, job);
    return;
  }
  const execution = job.executions.get(event.thingName);
  // Events of an attempt that no longer exists (deleted, canceled, retried) are stale: drop them.
  if (!execution || execution.executionNumber !== event.executionNumber || execution.retryAttempt !== event.attempt) return;
  if (event.kind === 'pickup') {
    if (execution.status === 'QUEUED' && job.status === 'IN_PROGRESS') pickUp(store, scope, job, execution, at);
    return;
  }
  if (execution.status !== 'IN_PROGRESS') return;
  if (event.kind === 'progress') changeExecution(job, execution, 'IN_PROGRESS', at, { statusDetails: details({ step: 'installing', progress: '50%' }) });
  else end(store, scope, job, execution, event.kind === 'timeout' ? 'TIMED_OUT' : execution.fate.outcome, at);
}

/** Runs the fleet up to `now` (the module's `advance`). */
export function advanceFleet(store: IotStore, now: number): void {
  store.scheduler.runUntil(now, (event, at) => applyFleetEvent(store, event, at));
}

/** Stops the job's pending device events and schedules its disappearance. */
export function scheduleDeletion(store: IotStore, scope: ScopeState, job: JobRecord, at: number): void {
  store.scheduler.cancelOwned([job.jobId], (e) => e.scope === scope.key);
  job.purgeAt = at + DELETION_BASE_MS + DELETION_PER_EXECUTION_MS * job.executions.size;
  store.scheduler.schedule(job.purgeAt, { kind: 'purge', scope: scope.key, jobId: job.jobId });
}
