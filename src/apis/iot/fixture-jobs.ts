/**
 * Builds API-shaped fixture jobs and executions whose histories the lifecycle could have produced:
 * timestamps in order, version numbers counting the changes (queued 1, started 2, progress 3,
 * ended 4), counts in step, and open executions recent enough that their timeouts have not passed
 * at the virtual clock's start.
 */
import type { Faker } from '@faker-js/faker';
import type { components } from '../../generated/iot.js';
import { toEpochSeconds } from './ids.js';
import type { JobDocumentFixture, ThingFixture } from './record-schemas.js';
import type { ExecutionStatus, JobConfig, JobStatus, TargetSelection } from './store.js';

type Schemas = components['schemas'];

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export interface ExecutionPlan {
  thing: ThingFixture;
  status: ExecutionStatus;
  /** A CANCELED execution that was IN_PROGRESS (canceled with force). */
  forced?: boolean;
}

export interface JobPlan {
  jobId: string;
  jobArn: string;
  targets: string[];
  targetSelection: TargetSelection;
  status: JobStatus;
  createdAt: number;
  document: string;
  description?: string;
  config?: JobConfig;
  jobTemplateArn?: string;
  /** For CANCELED jobs: canceled with force, and why. */
  forceCanceled?: boolean;
  reasonCode?: string;
  comment?: string;
  executions: ExecutionPlan[];
}

export interface BuiltJob {
  job: Schemas['Job'];
  document: JobDocumentFixture;
  executions: Schemas['JobExecution'][];
}

const between = (f: Faker, min: number, max: number) => f.number.int({ min: Math.round(min), max: Math.round(Math.max(min, max)) });

function execution(f: Faker, plan: JobPlan, e: ExecutionPlan, end: number): Schemas['JobExecution'] {
  const queuedAt = plan.createdAt;
  const base = { jobId: plan.jobId, status: e.status, thingArn: e.thing.thingArn, queuedAt: toEpochSeconds(queuedAt), executionNumber: 1 };
  const at = (ms: number, versionNumber: number, details: Record<string, string>, startedAt?: number): Schemas['JobExecution'] => ({
    ...base,
    ...(e.status === 'CANCELED' && e.forced ? { forceCanceled: true } : {}),
    ...(Object.keys(details).length > 0 ? { statusDetails: { detailsMap: details } } : {}),
    ...(startedAt !== undefined ? { startedAt: toEpochSeconds(startedAt) } : {}),
    lastUpdatedAt: toEpochSeconds(ms),
    versionNumber,
  });
  const startedAt = Math.min(queuedAt + between(f, 5 * SECOND, 2 * MINUTE), end - 2 * MINUTE);
  switch (e.status) {
    case 'QUEUED':
      return at(queuedAt, 1, {});
    case 'REJECTED':
      return at(between(f, queuedAt + 5 * SECOND, end), 2, { reason: 'device rejected the job document' });
    case 'REMOVED':
      return at(between(f, queuedAt + 5 * SECOND, end), 2, { reason: 'thing left the target thing group' });
    case 'IN_PROGRESS': {
      const started = Math.max(queuedAt + 5 * SECOND, end - between(f, 2 * MINUTE, 9 * MINUTE));
      return at(started + between(f, 10 * SECOND, MINUTE), 3, { step: 'installing', progress: '50%' }, started);
    }
    case 'CANCELED':
      return e.forced ? at(end, 3, { step: 'installing', progress: '50%' }, startedAt) : at(end, 2, {});
    case 'TIMED_OUT': {
      const minutes = plan.config?.timeoutConfig?.inProgressTimeoutInMinutes ?? 30;
      return at(Math.min(startedAt + minutes * MINUTE, end), 3, { step: 'installing', progress: '50%' }, startedAt);
    }
    case 'SUCCEEDED':
      return at(Math.min(startedAt + between(f, MINUTE, 15 * MINUTE), end), 4, { step: 'done', progress: '100%' }, startedAt);
    case 'FAILED':
      return at(Math.min(startedAt + between(f, MINUTE, 15 * MINUTE), end), 4, { step: 'installing', reason: 'checksum mismatch after download' }, startedAt);
  }
}

/**
 * A job with its executions. `now` is the virtual clock's start: IN_PROGRESS jobs run up to it,
 * finished jobs ended a few hours after they were created, and a job being deleted started its
 * deletion just before it.
 */
export function buildJob(f: Faker, plan: JobPlan, now: number): BuiltJob {
  const open = plan.status === 'IN_PROGRESS';
  const end = open ? now : plan.status === 'DELETION_IN_PROGRESS' ? now - 2 * HOUR : plan.createdAt + between(f, HOUR, 6 * HOUR);
  const executions = plan.executions.map((e) => execution(f, plan, e, end));
  const last = Math.max(plan.createdAt, ...executions.map((e) => e.lastUpdatedAt * 1000));
  const job: Schemas['Job'] = {
    jobArn: plan.jobArn,
    jobId: plan.jobId,
    targetSelection: plan.targetSelection,
    status: plan.status,
    ...(plan.forceCanceled ? { forceCanceled: true } : {}),
    ...(plan.reasonCode !== undefined ? { reasonCode: plan.reasonCode } : {}),
    ...(plan.comment !== undefined ? { comment: plan.comment } : {}),
    targets: plan.targets,
    ...(plan.description !== undefined ? { description: plan.description } : {}),
    createdAt: toEpochSeconds(plan.createdAt),
    lastUpdatedAt: toEpochSeconds(plan.status === 'DELETION_IN_PROGRESS' ? now - 5 * SECOND : plan.status === 'CANCELED' ? end : last),
    ...(plan.status === 'COMPLETED' || plan.status === 'DELETION_IN_PROGRESS' ? { completedAt: toEpochSeconds(last) } : {}),
    jobProcessDetails: processDetails(plan, executions),
    ...(plan.config ?? {}),
    ...(plan.jobTemplateArn !== undefined ? { jobTemplateArn: plan.jobTemplateArn } : {}),
  };
  return { job, executions, document: { jobArn: plan.jobArn, document: plan.document } };
}

function processDetails(plan: JobPlan, executions: Schemas['JobExecution'][]): Schemas['JobProcessDetails'] {
  const n = (status: ExecutionStatus) => executions.filter((e) => e.status === status).length;
  return {
    processingTargets: plan.status === 'IN_PROGRESS' && n('QUEUED') > 0 ? [...plan.targets] : [],
    numberOfCanceledThings: n('CANCELED'),
    numberOfSucceededThings: n('SUCCEEDED'),
    numberOfFailedThings: n('FAILED'),
    numberOfRejectedThings: n('REJECTED'),
    numberOfQueuedThings: n('QUEUED'),
    numberOfInProgressThings: n('IN_PROGRESS'),
    numberOfRemovedThings: n('REMOVED'),
    numberOfTimedOutThings: n('TIMED_OUT'),
  };
}

/** Execution outcomes a job in `status` can have, drawn so that every lifecycle state appears somewhere. */
export function planStatuses(f: Faker, status: JobStatus, selection: TargetSelection, count: number, options: { hasTimeout: boolean; forced: boolean }): Omit<ExecutionPlan, 'thing'>[] {
  const ended: ExecutionStatus[] = ['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'FAILED', 'REJECTED', ...(options.hasTimeout ? (['TIMED_OUT'] as const) : [])];
  const draw = (pool: ExecutionStatus[]) => Array.from({ length: count }, () => f.helpers.arrayElement(pool));
  if (status === 'COMPLETED' || status === 'DELETION_IN_PROGRESS') return draw(ended).map((s) => ({ status: s }));
  if (status === 'CANCELED') {
    // A forced cancel also stopped executions that were running.
    return draw([...ended, 'CANCELED', 'CANCELED']).map((s) => (s === 'CANCELED' && options.forced && f.datatype.boolean() ? { status: s, forced: true } : { status: s }));
  }
  const running = draw([...ended, 'QUEUED', 'IN_PROGRESS', 'IN_PROGRESS', ...(selection === 'CONTINUOUS' ? (['REMOVED'] as const) : [])]);
  // An IN_PROGRESS SNAPSHOT job still waits for at least one thing.
  if (!running.some((s) => s === 'QUEUED' || s === 'IN_PROGRESS')) running[0] = 'IN_PROGRESS';
  return running.map((s) => ({ status: s }));
}
