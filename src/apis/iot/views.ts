/**
 * Records → API shapes (typed by the generated spec types, so a spec change that breaks them breaks
 * tsc). Timestamps leave as AWS epoch seconds.
 */
import type { components } from '../../generated/iot.js';
import { parseArn, toEpochSeconds } from './ids.js';
import type { ExecutionRecord, JobConfig, JobRecord, ScopeState, TemplateRecord } from './store.js';

type Schemas = components['schemas'];

/**
 * A copy of a request's tags (`{ Key, Value }` strings), so the record never shares objects with a
 * caller's body. Cheaper than `structuredClone`, which serialises even an empty array, on every create.
 */
export function copyTags(tags: readonly Schemas['Tag'][] | undefined): Schemas['Tag'][] {
  return tags ? tags.map((tag) => ({ ...tag })) : [];
}

/** Copies only the configuration members that are set (no `undefined` members in JSON). */
export function configOf(source: JobConfig): JobConfig {
  const out: JobConfig = {};
  if (source.presignedUrlConfig) out.presignedUrlConfig = structuredClone(source.presignedUrlConfig);
  if (source.jobExecutionsRolloutConfig) out.jobExecutionsRolloutConfig = structuredClone(source.jobExecutionsRolloutConfig);
  if (source.abortConfig) out.abortConfig = structuredClone(source.abortConfig);
  if (source.timeoutConfig) out.timeoutConfig = structuredClone(source.timeoutConfig);
  if (source.jobExecutionsRetryConfig) out.jobExecutionsRetryConfig = structuredClone(source.jobExecutionsRetryConfig);
  return out;
}

export function processDetailsOf(job: JobRecord): Schemas['JobProcessDetails'] {
  const c = job.counts;
  return {
    processingTargets: job.status === 'IN_PROGRESS' && c.QUEUED > 0 ? [...job.targets] : [],
    numberOfCanceledThings: c.CANCELED,
    numberOfSucceededThings: c.SUCCEEDED,
    numberOfFailedThings: c.FAILED,
    numberOfRejectedThings: c.REJECTED,
    numberOfQueuedThings: c.QUEUED,
    numberOfInProgressThings: c.IN_PROGRESS,
    numberOfRemovedThings: c.REMOVED,
    numberOfTimedOutThings: c.TIMED_OUT,
  };
}

export function toJob(job: JobRecord): Schemas['Job'] {
  const out: Schemas['Job'] = {
    jobArn: job.jobArn,
    jobId: job.jobId,
    targetSelection: job.targetSelection,
    status: job.status,
    targets: [...job.targets],
    createdAt: toEpochSeconds(job.createdAt),
    lastUpdatedAt: toEpochSeconds(job.lastUpdatedAt),
    jobProcessDetails: processDetailsOf(job),
    ...configOf(job.config),
  };
  if (job.forceCanceled) out.forceCanceled = true;
  if (job.reasonCode !== undefined) out.reasonCode = job.reasonCode;
  if (job.comment !== undefined) out.comment = job.comment;
  if (job.description !== undefined) out.description = job.description;
  if (job.completedAt !== undefined) out.completedAt = toEpochSeconds(job.completedAt);
  if (job.jobTemplateArn !== undefined) out.jobTemplateArn = job.jobTemplateArn;
  return out;
}

export function toJobSummary(scope: ScopeState, job: JobRecord): Schemas['JobSummary'] {
  const out: Schemas['JobSummary'] = {
    jobArn: job.jobArn,
    jobId: job.jobId,
    targetSelection: job.targetSelection,
    status: job.status,
    targets: [...job.targets],
    createdAt: toEpochSeconds(job.createdAt),
    lastUpdatedAt: toEpochSeconds(job.lastUpdatedAt),
  };
  const groupId = firstGroupId(scope, job);
  if (groupId !== undefined) out.thingGroupId = groupId;
  if (job.description !== undefined) out.description = job.description;
  if (job.completedAt !== undefined) out.completedAt = toEpochSeconds(job.completedAt);
  return out;
}

/** AWS's JobSummary `thingGroupId`: the id of the (first) thing group the job targets. */
export function firstGroupId(scope: ScopeState, job: JobRecord): string | undefined {
  for (const target of job.targets) {
    const arn = parseArn(target);
    const group = arn?.type === 'thinggroup' ? scope.groups.get(arn.name) : undefined;
    if (group) return group.thingGroupId;
  }
  return undefined;
}

export function toExecution(execution: ExecutionRecord, now: number): Schemas['JobExecution'] {
  const out: Schemas['JobExecution'] = {
    jobId: execution.jobId,
    status: execution.status,
    thingArn: execution.thingArn,
    queuedAt: toEpochSeconds(execution.queuedAt),
    lastUpdatedAt: toEpochSeconds(execution.lastUpdatedAt),
    executionNumber: execution.executionNumber,
    versionNumber: execution.versionNumber,
  };
  if (execution.forceCanceled) out.forceCanceled = true;
  // Object.fromEntries defines own properties, so a `__proto__` key stays a plain key.
  if (execution.statusDetails.size > 0) out.statusDetails = { detailsMap: Object.fromEntries(execution.statusDetails) };
  if (execution.startedAt !== undefined) out.startedAt = toEpochSeconds(execution.startedAt);
  if (execution.status === 'IN_PROGRESS' && execution.timeoutAt !== undefined) {
    out.approximateSecondsBeforeTimedOut = Math.max(0, Math.ceil((execution.timeoutAt - now) / 1000));
  }
  return out;
}

export function toExecutionSummary(execution: ExecutionRecord): Schemas['JobExecutionSummary'] {
  const out: Schemas['JobExecutionSummary'] = {
    status: execution.status,
    queuedAt: toEpochSeconds(execution.queuedAt),
    lastUpdatedAt: toEpochSeconds(execution.lastUpdatedAt),
    executionNumber: execution.executionNumber,
    retryAttempt: execution.retryAttempt,
  };
  if (execution.startedAt !== undefined) out.startedAt = toEpochSeconds(execution.startedAt);
  return out;
}

export function toTemplate(template: TemplateRecord): Schemas['JobTemplate'] {
  return {
    jobTemplateArn: template.jobTemplateArn,
    jobTemplateId: template.jobTemplateId,
    description: template.description,
    document: template.document,
    createdAt: toEpochSeconds(template.createdAt),
    ...configOf(template),
  };
}
