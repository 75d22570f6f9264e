/** Jobs: create, describe, update, list, and the job document. */
import { isApiError } from '../../../core/api-error.js';
import type { Handler } from '../../../core/api-module.js';
import { createCollection } from '../../../state/collection.js';
import { awsError } from '../errors.js';
import { arnOf, newResourceId, parseArn } from '../ids.js';
import { settleJob } from '../lifecycle.js';
import { queueExecution, resolveTargets } from '../rollout.js';
import { emptyCounts, scopeState, type IotStore, type JobRecord, type ScopeState, type TemplateRecord } from '../store.js';
import { configOf, copyTags, toJob, toJobSummary } from '../views.js';
import { bodyOf, checkDocument, findScope, ok, pageOf, requestScope, requireJob, type IotContext } from './context.js';

/** The template a job or template request names, in the caller's scope; 404 otherwise. */
export function requireTemplate(scope: ScopeState, templateArn: string): TemplateRecord {
  const arn = parseArn(templateArn);
  const local = arn && arn.type === 'jobtemplate' && arn.account === scope.account && arn.region === scope.region;
  const template = local ? scope.templates.get(arn.name) : undefined;
  if (!template) throw awsError('ResourceNotFoundException', `Job template ${arn?.name ?? templateArn} does not exist.`);
  return template;
}

const createJob: Handler<IotStore> = (ctx) => {
  const body = bodyOf(ctx, 'createJob');
  const scope = scopeState(ctx.store, requestScope(ctx));
  const jobId = body.jobId ?? newResourceId(ctx.random);
  if (scope.jobs.has(jobId)) throw awsError('ResourceAlreadyExistsException', `Job ${jobId} already exists.`);
  const template = body.jobTemplateArn !== undefined ? requireTemplate(scope, body.jobTemplateArn) : undefined;
  // A template brings its document; AWS wants the document from one place only.
  if (template && body.document !== undefined) throw awsError('InvalidRequestException', 'Specify either document or jobTemplateArn, not both.');
  const document = body.document ?? template!.document;
  checkDocument(document);
  const resolved = resolveTargets(scope, body.targets ?? []);
  if (isApiError(resolved)) throw resolved;
  const now = ctx.clock.now();
  const job: JobRecord = {
    jobId,
    jobArn: arnOf(scope, 'job', jobId),
    targets: [...new Set(body.targets)],
    targetSelection: body.targetSelection ?? 'SNAPSHOT',
    status: 'IN_PROGRESS',
    document,
    forceCanceled: false,
    config: { ...configOf(template ?? {}), ...configOf(body) },
    tags: copyTags(body.tags),
    createdAt: now,
    lastUpdatedAt: now,
    executions: createCollection(),
    counts: emptyCounts(),
    executionNumbers: new Map(),
    rolledOut: 0,
  };
  if (body.description !== undefined) job.description = body.description;
  if (template) job.jobTemplateArn = template.jobTemplateArn;
  scope.jobs.set(jobId, job);
  for (const target of resolved) queueExecution(ctx.store, scope, job, target, now);
  // A SNAPSHOT job whose groups have no members has nothing to wait for.
  settleJob(job, now);
  return ok('createJob', { created: true, jobArn: job.jobArn, jobId, ...(job.description !== undefined ? { description: job.description } : {}) });
};

const describeJob: Handler<IotStore> = (ctx) => ok('describeJob', { job: toJob(requireJob(ctx).job) });

const getJobDocument: Handler<IotStore> = (ctx) => ok('getJobDocument', { document: requireJob(ctx).job.document });

const updateJob: Handler<IotStore> = (ctx) => {
  const { job } = requireJob(ctx);
  if (job.status === 'DELETION_IN_PROGRESS') throw awsError('InvalidRequestException', `Job ${job.jobId} is being deleted and cannot be updated.`);
  const body = bodyOf(ctx, 'updateJob');
  if (body.description !== undefined) job.description = body.description;
  // A new timeoutConfig applies to executions that start after the update (running ones keep their timer).
  job.config = { ...job.config, ...configOf(body) };
  job.lastUpdatedAt = ctx.clock.now();
  return ok('updateJob', { updated: true });
};

/** The thing-group ARNs a job must target to pass ListJobs' `thingGroupName` / `thingGroupId` filters. */
function groupFilter(scope: ScopeState | undefined, query: IotContext['query']): ((job: JobRecord) => boolean) | undefined {
  const wanted: (string | undefined)[] = [];
  if (query['thingGroupName'] !== undefined && scope) wanted.push(arnOf(scope, 'thinggroup', query['thingGroupName'] as string));
  if (query['thingGroupId'] !== undefined) wanted.push([...(scope?.groups.values() ?? [])].find((g) => g.thingGroupId === query['thingGroupId'])?.thingGroupArn);
  if (wanted.length === 0) return undefined;
  return (job) => wanted.every((arn) => arn !== undefined && job.targets.includes(arn));
}

const listJobs: Handler<IotStore> = (ctx) => {
  const scope = findScope(ctx);
  const { status, targetSelection, thingGroupName, thingGroupId } = ctx.query;
  const inGroup = groupFilter(scope, ctx.query);
  const page = pageOf(ctx, {
    list: 'jobs',
    filters: { status, targetSelection, thingGroupName, thingGroupId },
    collection: scope?.jobs,
    reverse: true,
    filter: (job) => (status === undefined || job.status === status) && (targetSelection === undefined || job.targetSelection === targetSelection) && (!inGroup || inGroup(job)),
  });
  return ok('listJobs', { jobs: page.items.map((job) => toJobSummary(scope!, job)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) });
};

export const jobHandlers = { createJob, describeJob, getJobDocument, updateJob, listJobs };
