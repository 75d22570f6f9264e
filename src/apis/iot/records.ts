/**
 * Loads API-shaped records (the committed fixtures, or data posted to /__admin/seed) into the store,
 * all or nothing: records are staged and checked (references, duplicates, the lifecycle invariants)
 * before anything is committed, then the fleet picks up where each open execution stands.
 */
import type { components } from '../../generated/iot.js';
import { createCollection } from '../../state/collection.js';
import { fromEpochSeconds, parseArn, scopeKey, type ParsedArn, type ResourceType, type Scope } from './ids.js';
import { addExecution } from './lifecycle.js';
import { rollFate, scheduleDeletion, schedulePickup, scheduleRun } from './fleet.js';
import { jobViolations, MAX_DELETIONS_IN_PROGRESS } from './invariants.js';
import { linkThing } from './rollout.js';
import { configOf } from './views.js';
import { emptyCounts, scopeState, type GroupRecord, type IotStore, type JobRecord, type TemplateRecord, type ThingRecord } from './store.js';
import type { IotRecords } from './record-schemas.js';

type Schemas = components['schemas'];

interface Staged {
  scope: Scope;
  things: Map<string, ThingRecord>;
  groups: Map<string, GroupRecord>;
  templates: Map<string, TemplateRecord>;
  jobs: Map<string, JobRecord>;
}

class LoadError extends Error {}

function arnOf(arn: string, type: ResourceType, name: string, what: string): ParsedArn {
  const parsed = parseArn(arn);
  if (!parsed || parsed.type !== type || parsed.name !== name) throw new LoadError(`${what}: ARN ${arn} is not the ${type} ARN of ${name}`);
  return parsed;
}

function stagedIn(staged: Map<string, Staged>, arn: ParsedArn): Staged {
  const scope = { account: arn.account, region: arn.region };
  let s = staged.get(scopeKey(scope));
  if (!s) staged.set(scopeKey(scope), (s = { scope, things: new Map(), groups: new Map(), templates: new Map(), jobs: new Map() }));
  return s;
}

/** What the store already holds in the ARN's account and region. */
function existingIn(store: IotStore, arn: ParsedArn) {
  return store.scopes.get(scopeKey(arn));
}

function stageJob(store: IotStore, staged: Map<string, Staged>, job: Schemas['Job'], documents: Map<string, string>): void {
  const arn = arnOf(job.jobArn, 'job', job.jobId, `job ${job.jobId}`);
  const s = stagedIn(staged, arn);
  const existing = existingIn(store, arn);
  if (s.jobs.has(job.jobId) || existing?.jobs.has(job.jobId)) throw new LoadError(`job ${job.jobId} already exists in ${arn.account} ${arn.region}`);
  for (const target of job.targets) {
    const t = parseArn(target);
    const known = t && t.account === arn.account && t.region === arn.region && (t.type === 'thing' ? s.things.has(t.name) || existing?.things.has(t.name) : s.groups.has(t.name) || existing?.groups.has(t.name));
    if (!known) throw new LoadError(`job ${job.jobId}: target ${target} is not a registered thing or thing group of its account and region`);
  }
  const document = documents.get(job.jobArn);
  if (document === undefined) throw new LoadError(`job ${job.jobId}: no document for it in jobDocuments`);
  const record: JobRecord = {
    jobId: job.jobId,
    jobArn: job.jobArn,
    targets: [...job.targets],
    targetSelection: job.targetSelection,
    status: job.status,
    document,
    forceCanceled: job.forceCanceled === true,
    config: configOf(job),
    tags: [],
    createdAt: fromEpochSeconds(job.createdAt),
    lastUpdatedAt: fromEpochSeconds(job.lastUpdatedAt),
    executions: createCollection(),
    counts: emptyCounts(),
    executionNumbers: new Map(),
    rolledOut: 0,
  };
  for (const key of ['description', 'comment', 'reasonCode', 'jobTemplateArn'] as const) if (job[key] !== undefined) record[key] = job[key];
  if (job.completedAt !== undefined) record.completedAt = fromEpochSeconds(job.completedAt);
  s.jobs.set(job.jobId, record);
}

function stageExecution(store: IotStore, staged: Map<string, Staged>, e: Schemas['JobExecution']): void {
  const thingName = parseArn(e.thingArn)?.name ?? '';
  const arn = arnOf(e.thingArn, 'thing', thingName, `execution of ${e.jobId}`);
  const s = stagedIn(staged, arn);
  const job = s.jobs.get(e.jobId);
  if (!job) throw new LoadError(`execution of ${e.jobId} on ${thingName}: the job is not among the loaded jobs of ${arn.account} ${arn.region}`);
  if (!s.things.has(thingName) && !existingIn(store, arn)?.things.has(thingName)) throw new LoadError(`execution of ${e.jobId}: thing ${thingName} is not registered`);
  if (job.executions.has(thingName)) throw new LoadError(`job ${e.jobId} has two executions on ${thingName}`);
  const base = { thingName, executionNumber: e.executionNumber, retryAttempt: 0 };
  const viaGroup = !job.targets.includes(e.thingArn);
  addExecution(job, {
    ...base,
    jobId: e.jobId,
    thingArn: e.thingArn,
    status: e.status,
    forceCanceled: e.forceCanceled === true,
    statusDetails: new Map(Object.entries(e.statusDetails?.detailsMap ?? {})),
    queuedAt: fromEpochSeconds(e.queuedAt),
    ...(e.startedAt !== undefined ? { startedAt: fromEpochSeconds(e.startedAt) } : {}),
    lastUpdatedAt: fromEpochSeconds(e.lastUpdatedAt),
    versionNumber: e.versionNumber,
    fate: rollFate(store, job, base, viaGroup && job.targetSelection === 'CONTINUOUS'),
  });
  job.executionNumbers.set(thingName, Math.max(e.executionNumber, job.executionNumbers.get(thingName) ?? 0));
}

function stage(store: IotStore, records: IotRecords): Map<string, Staged> {
  const staged = new Map<string, Staged>();
  for (const t of records.things ?? []) {
    const arn = arnOf(t.thingArn, 'thing', t.thingName, `thing ${t.thingName}`);
    const s = stagedIn(staged, arn);
    if (s.things.has(t.thingName) || existingIn(store, arn)?.things.has(t.thingName)) throw new LoadError(`thing ${t.thingName} is registered twice`);
    s.things.set(t.thingName, { thingName: t.thingName, thingArn: t.thingArn });
  }
  for (const g of records.thingGroups ?? []) {
    const arn = arnOf(g.thingGroupArn, 'thinggroup', g.thingGroupName, `thing group ${g.thingGroupName}`);
    const s = stagedIn(staged, arn);
    const existing = existingIn(store, arn);
    if (s.groups.has(g.thingGroupName) || existing?.groups.has(g.thingGroupName)) throw new LoadError(`thing group ${g.thingGroupName} exists twice`);
    for (const m of g.things) if (!s.things.has(m) && !existing?.things.has(m)) throw new LoadError(`thing group ${g.thingGroupName}: member ${m} is not registered`);
    s.groups.set(g.thingGroupName, { thingGroupName: g.thingGroupName, thingGroupArn: g.thingGroupArn, thingGroupId: g.thingGroupId, members: [...g.things] });
  }
  for (const t of records.jobTemplates ?? []) {
    const arn = arnOf(t.jobTemplateArn, 'jobtemplate', t.jobTemplateId, `job template ${t.jobTemplateId}`);
    const s = stagedIn(staged, arn);
    if (s.templates.has(t.jobTemplateId) || existingIn(store, arn)?.templates.has(t.jobTemplateId)) throw new LoadError(`job template ${t.jobTemplateId} exists twice`);
    s.templates.set(t.jobTemplateId, { jobTemplateId: t.jobTemplateId, jobTemplateArn: t.jobTemplateArn, description: t.description, document: t.document, createdAt: fromEpochSeconds(t.createdAt), tags: [], ...configOf(t) });
  }
  const documents = new Map((records.jobDocuments ?? []).map((d) => [d.jobArn, d.document]));
  for (const job of records.jobs ?? []) stageJob(store, staged, job, documents);
  for (const e of records.jobExecutions ?? []) stageExecution(store, staged, e);
  for (const [key, s] of staged) {
    const problems = [...s.jobs.values()].flatMap(jobViolations);
    if (problems.length > 0) throw new LoadError(problems.slice(0, 3).join('; '));
    const deleting = [...s.jobs.values(), ...(store.scopes.get(key)?.jobs.values() ?? [])].filter((j) => j.status === 'DELETION_IN_PROGRESS').length;
    if (deleting > MAX_DELETIONS_IN_PROGRESS) throw new LoadError(`${key}: at most ${MAX_DELETIONS_IN_PROGRESS} jobs may be DELETION_IN_PROGRESS`);
  }
  return staged;
}

/** Stages, checks, then commits the records; the count loaded, or why nothing was. */
export function loadRecords(store: IotStore, records: IotRecords, now: number): number | string {
  let staged: Map<string, Staged>;
  try {
    staged = stage(store, records);
  } catch (error) {
    if (error instanceof LoadError) return error.message;
    throw error;
  }
  let loaded = 0;
  for (const s of staged.values()) {
    const scope = scopeState(store, s.scope);
    for (const t of s.things.values()) scope.things.set(t.thingName, t);
    for (const g of s.groups.values()) scope.groups.set(g.thingGroupName, g);
    for (const t of s.templates.values()) scope.templates.set(t.jobTemplateId, t);
    for (const job of s.jobs.values()) {
      scope.jobs.set(job.jobId, job);
      for (const e of job.executions.values()) linkThing(scope, e.thingName, job.jobId);
      if (job.status === 'DELETION_IN_PROGRESS') scheduleDeletion(store, scope, job, now);
      for (const e of job.executions.values()) {
        if (e.status === 'QUEUED' && job.status === 'IN_PROGRESS') schedulePickup(store, scope, job, e, now);
        if (e.status !== 'IN_PROGRESS' || job.status === 'DELETION_IN_PROGRESS') continue;
        const minutes = job.config.timeoutConfig?.inProgressTimeoutInMinutes;
        if (minutes !== undefined) e.timeoutAt = (e.startedAt ?? now) + minutes * 60_000;
        scheduleRun(store, scope, e, now);
      }
    }
    loaded += s.things.size + s.groups.size + s.templates.size + s.jobs.size + [...s.jobs.values()].reduce((n, j) => n + j.executions.size, 0);
  }
  return loaded;
}
