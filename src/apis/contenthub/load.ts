import { ApiError } from '../../core/api-error.js';
import type { components } from '../../generated/contenthub.js';
import { createCollection } from '../../state/collection.js';
import { cultureMapFrom, type CultureMap } from './cultures.js';
import { addJob, addTarget, isIdentifierFree, setDescription } from './entities.js';
import { entityIdFromHref } from './ids.js';
import { DEFAULT_PICKUP_DELAY_MS, onTargetsChanged, scheduleLoadedJob } from './lifecycle.js';
import { isJobPair, isTargetPair, type DescriptionRecord, type EntityMeta, type JobRecord, type JsonObject, type TargetRecord } from './records.js';
import type { ContentHubStore } from './store.js';

type Schemas = components['schemas'];

/** Kit-only data about a job: who else may read it, and how long it waits for a worker once queued. */
export interface JobSimulation {
  job_id: number;
  readers: number[];
  /** null: no worker ever picks the job up, so it fails 48 hours after it was queued. */
  pickup_delay_ms: number | null;
}

/** Kit-only: per job, who else may read it and how long it waits for a worker once queued. */
export const SIMULATION_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: ['job_id', 'readers', 'pickup_delay_ms'],
  properties: {
    job_id: { type: 'integer', minimum: 1 },
    readers: { type: 'array', items: { type: 'integer', minimum: 1 } },
    pickup_delay_ms: { type: ['integer', 'null'], minimum: 0 },
  },
};

/** API-shaped records, as the fixture files and `POST /__admin/seed` hold them. */
export interface SeedData {
  jobs?: Schemas['Job'][];
  descriptions?: Schemas['JobDescription'][];
  targets?: Schemas['JobTarget'][];
  simulation?: JobSimulation[];
}

/** Fixture files (name → items) as the data `loadRecords` takes. */
export function fixturesToSeedData(files: Readonly<Record<string, unknown[]>>): SeedData {
  const items = (name: string) => (files[name] ?? []) as never[];
  return { jobs: items('jobs.json'), descriptions: items('descriptions.json'), targets: items('targets.json'), simulation: items('job-simulation.json') };
}

const refuse = (message: string) => new ApiError('validation_failed', message);

interface Clock {
  shift: number;
}

function time(iso: string, clock: Clock): number {
  return Date.parse(iso) + clock.shift;
}
const timeOrNull = (iso: string | null, clock: Clock): number | null => (iso === null ? null : time(iso, clock));

function meta(api: Schemas['EntityBase'], clock: Clock): EntityMeta | ApiError {
  const createdBy = entityIdFromHref(api.created_by.href);
  const modifiedBy = entityIdFromHref(api.modified_by.href);
  if (createdBy === undefined || modifiedBy === undefined) return refuse(`entity ${api.id}: created_by and modified_by must be entity links`);
  return { id: api.id, identifier: api.identifier, createdBy, createdOn: time(api.created_on, clock), modifiedBy, modifiedOn: time(api.modified_on, clock), version: api.version };
}

function cultures(values: Schemas['CultureValues'] | undefined, what: string): CultureMap | ApiError {
  return cultureMapFrom(values, what);
}

function parseJob(api: Schemas['Job'], simulation: JobSimulation | undefined, clock: Clock): JobRecord | ApiError {
  const base = meta(api, clock);
  if (base instanceof ApiError) return base;
  const p = api.properties;
  if (!isJobPair(p['Job.State'], p['Job.Condition'])) return refuse(`job ${api.id}: ${p['Job.State']}/${p['Job.Condition']} is not a job state/condition pair`);
  const title = cultures(p['Job.Title'], `job ${api.id} Job.Title`);
  if (title instanceof ApiError) return title;
  return {
    ...base,
    type: p['Job.Type'],
    state: p['Job.State'],
    condition: p['Job.Condition'],
    title,
    message: p['Job.Message'],
    startedOn: timeOrNull(p['Job.StartedOn'], clock),
    endedOn: timeOrNull(p['Job.EndedOn'], clock),
    targetCount: 0,
    targetsCompleted: 0,
    targetsFailed: 0,
    readers: simulation ? [...simulation.readers] : [],
    pickupDelayMs: simulation ? simulation.pickup_delay_ms : DEFAULT_PICKUP_DELAY_MS,
    pendingSince: null,
    workerTarget: null,
    descriptionId: null,
    targets: createCollection<TargetRecord>(),
  };
}

function parentOf(relation: Schemas['ParentRelation'] | undefined): number | null {
  return relation?.parent ? (entityIdFromHref(relation.parent.href) ?? null) : null;
}

function parseTarget(api: Schemas['JobTarget'], clock: Clock): TargetRecord | ApiError {
  const base = meta(api, clock);
  if (base instanceof ApiError) return base;
  const p = api.properties;
  if (!isTargetPair(p['Target.State'], p['Target.Condition'])) return refuse(`target ${api.id}: ${p['Target.State']}/${p['Target.Condition']} is not a target state/condition pair`);
  const jobId = parentOf(api.relations.JobToJobTarget);
  if (jobId === null) return refuse(`target ${api.id}: relations.JobToJobTarget.parent must link to its job`);
  const message = cultures(p['Target.Message'], `target ${api.id} Target.Message`);
  if (message instanceof ApiError) return message;
  return {
    ...base,
    jobId,
    state: p['Target.State'],
    condition: p['Target.Condition'],
    location: p['Target.Location'],
    message,
    startedOn: timeOrNull(p['Target.StartedOn'], clock),
    endedOn: timeOrNull(p['Target.EndedOn'], clock),
    entityId: parentOf(api.relations.TargetToEntity),
  };
}

function parseDescription(api: Schemas['JobDescription'], clock: Clock): DescriptionRecord | ApiError {
  const base = meta(api, clock);
  if (base instanceof ApiError) return base;
  const jobId = parentOf(api.relations.JobToJobDescription);
  if (jobId === null) return refuse(`description ${api.id}: relations.JobToJobDescription.parent must link to its job`);
  const copy = (value: unknown) => (value === null ? null : (structuredClone(value) as JsonObject));
  return { ...base, jobId, configuration: copy(api.properties['JobDescription.Configuration']), progress: copy(api.properties['JobDescription.Progress']) };
}

function parseAll<A, R>(items: A[] | undefined, parse: (item: A) => R | ApiError): R[] | ApiError {
  const out: R[] = [];
  for (const item of items ?? []) {
    const record = parse(item);
    if (record instanceof ApiError) return record;
    out.push(record);
  }
  return out;
}

/**
 * Loads API-shaped records (already schema-valid) all or nothing: ids and identifiers must be new,
 * targets and descriptions must belong to a known job, one description per job. `shift` moves every
 * timestamp (fixtures are written for the default clock start). Loaded jobs go on the clock.
 */
export function loadRecords(store: ContentHubStore, data: SeedData, options: { shift: number; now: number }): { loaded: number } | ApiError {
  const clock = { shift: options.shift };
  const simulations = new Map((data.simulation ?? []).map((s) => [s.job_id, s]));
  const stray = [...simulations.keys()].find((id) => !(data.jobs ?? []).some((j) => j.id === id));
  if (stray !== undefined) return refuse(`simulation entry for job ${stray}, which is not among the loaded jobs`);
  const jobs = parseAll(data.jobs, (job) => parseJob(job, simulations.get(job.id), clock));
  if (jobs instanceof ApiError) return jobs;
  const targets = parseAll(data.targets, (t) => parseTarget(t, clock));
  if (targets instanceof ApiError) return targets;
  const descriptions = parseAll(data.descriptions, (d) => parseDescription(d, clock));
  if (descriptions instanceof ApiError) return descriptions;

  const ids = new Set<number>();
  const identifiers = new Set<string>();
  const exists = (id: number) => store.jobs.has(id) || store.targetJobs.has(id) || store.descriptions.has(id);
  for (const entity of [...jobs, ...targets, ...descriptions]) {
    if (ids.has(entity.id) || exists(entity.id)) return refuse(`entity id ${entity.id} is already used`);
    if (identifiers.has(entity.identifier) || !isIdentifierFree(store, entity.identifier, entity.id)) return refuse(`identifier '${entity.identifier}' is already used`);
    ids.add(entity.id);
    identifiers.add(entity.identifier);
  }
  const newJobs = new Map(jobs.map((j) => [j.id, j]));
  const jobFor = (id: number) => newJobs.get(id) ?? store.jobs.get(id);
  const orphan = [...targets, ...descriptions].find((e) => !jobFor(e.jobId));
  if (orphan) return refuse(`entity ${orphan.id} belongs to job ${orphan.jobId}, which does not exist`);
  const described = new Set<number>();
  for (const d of descriptions) {
    if (described.has(d.jobId) || jobFor(d.jobId)!.descriptionId !== null) return refuse(`job ${d.jobId} has more than one description`);
    described.add(d.jobId);
  }

  for (const job of jobs) addJob(store, job);
  for (const description of descriptions) setDescription(store, jobFor(description.jobId)!, description);
  for (const target of targets) addTarget(store, jobFor(target.jobId)!, target);
  for (const job of jobs) scheduleLoadedJob(store, job, options.now);
  const touched = new Set(targets.map((t) => t.jobId).filter((id) => !newJobs.has(id)));
  for (const id of touched) onTargetsChanged(store, store.jobs.get(id)!, options.now);
  return { loaded: jobs.length + targets.length + descriptions.length };
}
