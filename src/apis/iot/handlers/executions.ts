/**
 * Job executions: describe, cancel (API_CancelJobExecution.html), delete (API_DeleteJobExecution.html),
 * and the two lists (by job, by thing).
 */
import type { Handler } from '../../../core/api-module.js';
import { awsError } from '../errors.js';
import { changeExecution, isTerminalExecution } from '../lifecycle.js';
import { deleteExecution } from '../rollout.js';
import type { IotStore } from '../store.js';
import { toExecution, toExecutionSummary } from '../views.js';
import { bodyOf, findScope, isForced, ok, pageOf, param, requireExecution, requireJob } from './context.js';

const MAX_STATUS_DETAILS = 10;

const describeJobExecution: Handler<IotStore> = (ctx) => {
  const { execution } = requireExecution(ctx, ctx.query['executionNumber'] as number | undefined);
  return ok('describeJobExecution', { execution: toExecution(execution, ctx.clock.now()) });
};

/** The status details a cancel sets: AWS's `statusDetails`, plus the seed's `detailsMap` / `action` / `progress`. */
function statusDetailsOf(body: ReturnType<typeof bodyOf<'cancelJobExecution'>>): Map<string, string> | undefined {
  const entries: [string, string][] = [...Object.entries(body.statusDetails ?? {}), ...Object.entries(body.detailsMap ?? {})];
  if (body.action !== undefined) entries.push(['action', body.action]);
  if (body.progress !== undefined) entries.push(['progress', body.progress]);
  if (entries.length === 0) return undefined;
  const details = new Map(entries);
  if (details.size > MAX_STATUS_DETAILS) throw awsError('InvalidRequestException', `statusDetails can hold at most ${MAX_STATUS_DETAILS} name/value pairs.`);
  return details;
}

const cancelJobExecution: Handler<IotStore> = (ctx) => {
  const { job, execution } = requireExecution(ctx);
  const body = bodyOf(ctx, 'cancelJobExecution');
  const where = `The execution of job ${job.jobId} on thing ${execution.thingName}`;
  if (job.status === 'DELETION_IN_PROGRESS') throw awsError('InvalidStateTransitionException', `Job ${job.jobId} is being deleted.`);
  if (body.expectedVersion !== undefined && body.expectedVersion !== execution.versionNumber) {
    throw awsError('VersionConflictException', `The execution is at version ${execution.versionNumber}, not ${body.expectedVersion}.`);
  }
  if (isTerminalExecution(execution.status)) throw awsError('InvalidStateTransitionException', `${where} is already ${execution.status}.`);
  const inProgress = execution.status === 'IN_PROGRESS';
  if (inProgress && !isForced(ctx)) throw awsError('InvalidStateTransitionException', `${where} is IN_PROGRESS; set force to cancel it.`);
  const statusDetails = statusDetailsOf(body);
  changeExecution(job, execution, 'CANCELED', ctx.clock.now(), { ...(statusDetails ? { statusDetails } : {}), forceCanceled: inProgress });
  return ok('cancelJobExecution', { canceled: true });
};

const deleteJobExecution: Handler<IotStore> = (ctx) => {
  const body = bodyOf(ctx, 'deleteJobExecution');
  const number = body.executionNumber === undefined ? undefined : Number(body.executionNumber);
  const { scope, job, execution } = requireExecution(ctx, number);
  if (job.status === 'DELETION_IN_PROGRESS') throw awsError('InvalidStateTransitionException', `Job ${job.jobId} is being deleted.`);
  if (!isTerminalExecution(execution.status) && !isForced(ctx)) {
    throw awsError('InvalidStateTransitionException', `The execution of job ${job.jobId} on thing ${execution.thingName} is ${execution.status}; set force to delete it.`);
  }
  deleteExecution(ctx.store, scope, job, execution, ctx.clock.now());
  return ok('deleteJobExecution', { deleted: true });
};

const listJobExecutionsForJob: Handler<IotStore> = (ctx) => {
  const { job } = requireJob(ctx);
  const status = ctx.query['status'];
  const page = pageOf(ctx, {
    list: `job-executions/${job.jobId}`,
    filters: { status },
    collection: job.executions,
    filter: status === undefined ? undefined : (e) => e.status === status,
  });
  const jobExecutions = page.items.map((e) => ({ thingArn: e.thingArn, jobExecution: toExecutionSummary(e) }));
  return ok('listJobExecutionsForJob', { jobExecutions, ...(page.nextToken ? { nextToken: page.nextToken } : {}) });
};

const listJobExecutionsForThing: Handler<IotStore> = (ctx) => {
  const thingName = param(ctx, 'thingName');
  const scope = findScope(ctx);
  if (!scope?.things.has(thingName)) throw awsError('ResourceNotFoundException', `Thing ${thingName} does not exist.`);
  const { status, jobId } = ctx.query;
  const executionOf = (id: string) => scope.jobs.get(id)?.executions.get(thingName);
  const page = pageOf(ctx, {
    list: `thing-executions/${thingName}`,
    filters: { status, jobId },
    collection: scope.thingJobs.get(thingName),
    reverse: true,
    filter: (id) => (jobId === undefined || id === jobId) && (status === undefined || executionOf(id)?.status === status),
  });
  const jobExecution = page.items.map((id) => ({ jobId: id, jobExecution: toExecutionSummary(executionOf(id)!) }));
  return ok('listJobExecutionsForThing', { jobExecution, ...(page.nextToken ? { nextToken: page.nextToken } : {}) });
};

export const executionHandlers = { describeJobExecution, cancelJobExecution, deleteJobExecution, listJobExecutionsForJob, listJobExecutionsForThing };
