/**
 * Changing a job's course: cancel (https://docs.aws.amazon.com/iot/latest/apireference/API_CancelJob.html),
 * delete (API_DeleteJob.html) and associate more targets with a continuous job (API_AssociateTargetsWithJob.html).
 */
import { isApiError } from '../../../core/api-error.js';
import type { Handler } from '../../../core/api-module.js';
import { awsError } from '../errors.js';
import { scheduleDeletion } from '../fleet.js';
import { MAX_DELETIONS_IN_PROGRESS } from '../invariants.js';
import { changeExecution, isTerminalJob, setJobStatus } from '../lifecycle.js';
import { queueExecution, resolveTargets } from '../rollout.js';
import type { IotStore } from '../store.js';
import { bodyOf, isForced, ok, requireJob } from './context.js';

/** AssociateTargetsWithJob: "the total number of targets associated with a job must not exceed 100". */
export const MAX_JOB_TARGETS = 100;

const cancelJob: Handler<IotStore> = (ctx) => {
  const { job } = requireJob(ctx);
  const body = bodyOf(ctx, 'cancelJob');
  const force = isForced(ctx);
  // CancelJob lists no 409: AWS answers a job it cannot cancel with InvalidRequestException.
  if (job.status === 'DELETION_IN_PROGRESS') throw awsError('InvalidRequestException', `Job ${job.jobId} is being deleted and cannot be canceled.`);
  if (job.status === 'COMPLETED') throw awsError('InvalidRequestException', `Job ${job.jobId} is COMPLETED and cannot be canceled.`);
  if (job.status === 'CANCELED' && !force) throw awsError('InvalidRequestException', `Job ${job.jobId} is already CANCELED; set force to cancel its IN_PROGRESS executions.`);
  const now = ctx.clock.now();
  // The job is CANCELED before its executions are, so the last one closing does not complete it.
  setJobStatus(job, 'CANCELED', now);
  if (body.comment !== undefined) job.comment = body.comment;
  if (body.reasonCode !== undefined) job.reasonCode = body.reasonCode;
  if (force) job.forceCanceled = true;
  for (const execution of job.executions.values()) {
    if (execution.status === 'QUEUED') changeExecution(job, execution, 'CANCELED', now);
    else if (execution.status === 'IN_PROGRESS' && force) changeExecution(job, execution, 'CANCELED', now, { forceCanceled: true });
  }
  return ok('cancelJob', { canceled: true, jobArn: job.jobArn, jobId: job.jobId, ...(job.description !== undefined ? { description: job.description } : {}) });
};

const deleteJob: Handler<IotStore> = (ctx) => {
  const { scope, job } = requireJob(ctx);
  if (job.status === 'DELETION_IN_PROGRESS') throw awsError('InvalidStateTransitionException', `Job ${job.jobId} is already being deleted.`);
  if (!isTerminalJob(job.status) && !isForced(ctx)) throw awsError('InvalidStateTransitionException', `Job ${job.jobId} is ${job.status}; set force to delete it.`);
  const deleting = scope.jobs.count((j) => j.status === 'DELETION_IN_PROGRESS');
  if (deleting >= MAX_DELETIONS_IN_PROGRESS) throw awsError('LimitExceededException', `Only ${MAX_DELETIONS_IN_PROGRESS} jobs may be DELETION_IN_PROGRESS at the same time.`);
  const now = ctx.clock.now();
  setJobStatus(job, 'DELETION_IN_PROGRESS', now);
  scheduleDeletion(ctx.store, scope, job, now);
  return ok('deleteJob', { deleted: true });
};

const associateTargetsWithJob: Handler<IotStore> = (ctx) => {
  const { scope, job } = requireJob(ctx);
  const body = bodyOf(ctx, 'associateTargetsWithJob');
  if (job.targetSelection !== 'CONTINUOUS') throw awsError('InvalidRequestException', `Job ${job.jobId} is a SNAPSHOT job; only CONTINUOUS jobs accept new targets.`);
  if (job.status !== 'IN_PROGRESS') throw awsError('InvalidRequestException', `Job ${job.jobId} is ${job.status}; targets can only be added to an IN_PROGRESS job.`);
  const added = [...new Set(body.targets ?? [])].filter((t) => !job.targets.includes(t));
  if (job.targets.length + added.length > MAX_JOB_TARGETS) throw awsError('LimitExceededException', `A job can have at most ${MAX_JOB_TARGETS} targets.`);
  const resolved = resolveTargets(scope, added);
  if (isApiError(resolved)) throw resolved;
  const now = ctx.clock.now();
  job.targets.push(...added);
  if (body.comment !== undefined) job.comment = body.comment;
  for (const target of resolved) if (!job.executions.has(target.thing.thingName)) queueExecution(ctx.store, scope, job, target, now);
  job.lastUpdatedAt = now;
  return ok('associateTargetsWithJob', { associated: true, jobArn: job.jobArn, jobId: job.jobId, ...(job.description !== undefined ? { description: job.description } : {}) });
};

export const jobControlHandlers = { cancelJob, deleteJob, associateTargetsWithJob };
