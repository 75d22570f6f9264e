/**
 * What must always hold in the iot store: the states the lifecycles can reach, counts in step with
 * the executions, and the per-thing index in step with the jobs. Used by the module's `invariants`
 * (fuzzing, tests) and by the loader, which refuses seed data that breaks them.
 */
import { emptyCounts, type ExecutionRecord, type IotStore, type JobRecord, type ScopeState } from './store.js';

/** At most this many jobs may be DELETION_IN_PROGRESS at once (AWS DeleteJob). */
export const MAX_DELETIONS_IN_PROGRESS = 10;

const STARTED = new Set(['IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'TIMED_OUT']);

function executionViolations(job: JobRecord, e: ExecutionRecord): string[] {
  const where = `execution of ${job.jobId} on ${e.thingName}`;
  const v: string[] = [];
  if (e.jobId !== job.jobId) v.push(`${where}: jobId is ${e.jobId}`);
  if (!e.thingArn.endsWith(`:thing/${e.thingName}`)) v.push(`${where}: thingArn ${e.thingArn} names another thing`);
  if (STARTED.has(e.status) && e.startedAt === undefined) v.push(`${where}: ${e.status} without startedAt`);
  if (e.status === 'QUEUED' && e.startedAt !== undefined) v.push(`${where}: QUEUED with a startedAt`);
  if (e.forceCanceled && e.status !== 'CANCELED') v.push(`${where}: forceCanceled but ${e.status}`);
  if (e.lastUpdatedAt < e.queuedAt || (e.startedAt !== undefined && (e.startedAt < e.queuedAt || e.startedAt > e.lastUpdatedAt))) v.push(`${where}: timestamps out of order`);
  if (e.status === 'REMOVED' && job.targetSelection !== 'CONTINUOUS') v.push(`${where}: REMOVED in a SNAPSHOT job`);
  if (e.status === 'QUEUED' && job.status === 'CANCELED') v.push(`${where}: still QUEUED in a CANCELED job`);
  if (e.status === 'IN_PROGRESS' && job.status === 'CANCELED' && job.forceCanceled) v.push(`${where}: IN_PROGRESS in a force-canceled job`);
  if (e.executionNumber > (job.executionNumbers.get(e.thingName) ?? 0)) v.push(`${where}: executionNumber ${e.executionNumber} was never issued`);
  return v;
}

/** A job's violations, on its own (the loader checks new jobs before they enter the store). */
export function jobViolations(job: JobRecord): string[] {
  const v: string[] = [];
  if (!job.jobArn.endsWith(`:job/${job.jobId}`)) v.push(`job ${job.jobId}: jobArn ${job.jobArn} names another job`);
  const recount = emptyCounts();
  for (const e of job.executions.values()) {
    recount[e.status]++;
    v.push(...executionViolations(job, e));
  }
  for (const [status, n] of Object.entries(recount)) {
    if (job.counts[status as keyof typeof recount] !== n) v.push(`job ${job.jobId}: counts say ${job.counts[status as keyof typeof recount]} ${status}, executions say ${n}`);
  }
  const open = recount.QUEUED + recount.IN_PROGRESS;
  if (job.status === 'COMPLETED' && job.targetSelection === 'CONTINUOUS') v.push(`job ${job.jobId}: a CONTINUOUS job is COMPLETED`);
  if (job.status === 'COMPLETED' && open > 0) v.push(`job ${job.jobId}: COMPLETED with ${open} open executions`);
  if (job.status === 'IN_PROGRESS' && job.targetSelection === 'SNAPSHOT' && open === 0) v.push(`job ${job.jobId}: a SNAPSHOT job with no open execution is still IN_PROGRESS`);
  if (job.status === 'COMPLETED' && job.completedAt === undefined) v.push(`job ${job.jobId}: COMPLETED without completedAt`);
  if (job.completedAt !== undefined && job.status !== 'COMPLETED' && job.status !== 'DELETION_IN_PROGRESS') v.push(`job ${job.jobId}: completedAt on a ${job.status} job`);
  if (job.forceCanceled && job.status !== 'CANCELED' && job.status !== 'DELETION_IN_PROGRESS') v.push(`job ${job.jobId}: forceCanceled on a ${job.status} job`);
  if (job.lastUpdatedAt < job.createdAt) v.push(`job ${job.jobId}: lastUpdatedAt before createdAt`);
  return v;
}

function scopeViolations(scope: ScopeState): string[] {
  const v: string[] = [];
  let deleting = 0;
  for (const job of scope.jobs.values()) {
    v.push(...jobViolations(job));
    if (job.status === 'DELETION_IN_PROGRESS') {
      deleting++;
      if (job.purgeAt === undefined) v.push(`job ${job.jobId}: DELETION_IN_PROGRESS with no end`);
    }
    for (const e of job.executions.values()) {
      if (!scope.thingJobs.get(e.thingName)?.has(job.jobId)) v.push(`thing ${e.thingName}: its execution of ${job.jobId} is missing from the thing's list`);
    }
  }
  if (deleting > MAX_DELETIONS_IN_PROGRESS) v.push(`${scope.key}: ${deleting} jobs DELETION_IN_PROGRESS (at most ${MAX_DELETIONS_IN_PROGRESS})`);
  for (const [thingName, jobIds] of scope.thingJobs) {
    for (const jobId of jobIds.values()) {
      if (!scope.jobs.get(jobId)?.executions.has(thingName)) v.push(`thing ${thingName}: lists job ${jobId} it has no execution of`);
    }
  }
  for (const group of scope.groups.values()) {
    for (const member of group.members) if (!scope.things.has(member)) v.push(`thing group ${group.thingGroupName}: member ${member} is not registered`);
  }
  for (const template of scope.templates.values()) {
    if (!template.jobTemplateArn.endsWith(`:jobtemplate/${template.jobTemplateId}`)) v.push(`template ${template.jobTemplateId}: ARN names another template`);
  }
  return v;
}

export function storeViolations(store: IotStore): string[] {
  return [...store.scopes.values()].flatMap((scope) => scopeViolations(scope).map((m) => `${scope.key}: ${m}`));
}
