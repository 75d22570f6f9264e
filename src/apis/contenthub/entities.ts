import type { ContentHubStore } from './store.js';
import type { DescriptionRecord, EntityMeta, JobRecord, TargetRecord } from './records.js';

/** The next entity id: one sequence for every kind of entity, as Content Hub has. */
export function nextEntityId(store: ContentHubStore): number {
  return store.nextId++;
}

/** Makes sure ids handed out later never collide with a loaded record. */
export function reserveId(store: ContentHubStore, id: number): void {
  if (id >= store.nextId) store.nextId = id + 1;
}

/** Identifiers are unique across entities: false when another entity already has this one. */
export function isIdentifierFree(store: ContentHubStore, identifier: string, entityId: number): boolean {
  const owner = store.identifiers.get(identifier);
  return owner === undefined || owner === entityId;
}

export function setIdentifier(store: ContentHubStore, entity: EntityMeta, identifier: string): void {
  if (store.identifiers.get(entity.identifier) === entity.id) store.identifiers.delete(entity.identifier);
  entity.identifier = identifier;
  store.identifiers.set(identifier, entity.id);
}

function forget(store: ContentHubStore, entity: EntityMeta): void {
  if (store.identifiers.get(entity.identifier) === entity.id) store.identifiers.delete(entity.identifier);
}

/** Records a change: who, when, and a new version. */
export function touch(entity: EntityMeta, by: number, at: number): void {
  entity.modifiedBy = by;
  entity.modifiedOn = at;
  entity.version += 1;
}

export function addJob(store: ContentHubStore, job: JobRecord): void {
  store.jobs.set(job.id, job);
  store.identifiers.set(job.identifier, job.id);
  reserveId(store, job.id);
}

/** Job.TargetCount, Job.TargetsCompleted and Job.TargetsFailed follow the targets. */
export function recount(job: JobRecord): void {
  let completed = 0;
  let failed = 0;
  for (const target of job.targets.values()) {
    if (target.state !== 'Completed') continue;
    completed++;
    if (target.condition === 'Failure') failed++;
  }
  job.targetCount = job.targets.size;
  job.targetsCompleted = completed;
  job.targetsFailed = failed;
}

export function addTarget(store: ContentHubStore, job: JobRecord, target: TargetRecord): void {
  job.targets.set(String(target.id), target);
  store.targetJobs.set(target.id, job.id);
  store.identifiers.set(target.identifier, target.id);
  reserveId(store, target.id);
  recount(job);
}

export function removeTarget(store: ContentHubStore, job: JobRecord, target: TargetRecord): void {
  job.targets.delete(String(target.id));
  store.targetJobs.delete(target.id);
  forget(store, target);
  if (job.workerTarget === target.id) job.workerTarget = null;
  recount(job);
}

export function findTarget(job: JobRecord, targetId: number): TargetRecord | undefined {
  return job.targets.get(String(targetId));
}

export function setDescription(store: ContentHubStore, job: JobRecord, description: DescriptionRecord): void {
  store.descriptions.set(description.id, description);
  store.identifiers.set(description.identifier, description.id);
  job.descriptionId = description.id;
  reserveId(store, description.id);
}

export function removeDescription(store: ContentHubStore, job: JobRecord, description: DescriptionRecord): void {
  store.descriptions.delete(description.id);
  forget(store, description);
  job.descriptionId = null;
}

export function descriptionOf(store: ContentHubStore, job: JobRecord): DescriptionRecord | undefined {
  return job.descriptionId === null ? undefined : store.descriptions.get(job.descriptionId);
}

/**
 * The store's cap (the engine's `maxJobs`) counts jobs and their targets (`recordCount`): clients create
 * targets, not jobs, here, so a load test grows the targets of a few jobs. The oldest jobs (the map keeps
 * creation order) go with their targets, description, identifiers and pending lifecycle events, in one
 * pass over the scheduler, until at least `n` records are gone; returns how many went.
 */
export function recordCount(store: ContentHubStore): number {
  return store.jobs.size + store.targetJobs.size;
}

export function evictOldestJobs(store: ContentHubStore, n: number): number {
  const gone = new Set<number>();
  let records = 0;
  for (const job of store.jobs.values()) {
    if (records >= n) break;
    gone.add(job.id);
    records += 1 + job.targets.size;
  }
  for (const id of gone) {
    const job = store.jobs.get(id)!;
    for (const target of job.targets.values()) {
      store.targetJobs.delete(target.id);
      forget(store, target);
    }
    const description = descriptionOf(store, job);
    if (description) {
      store.descriptions.delete(description.id);
      forget(store, description);
    }
    forget(store, job);
    store.jobs.delete(id);
  }
  store.scheduler.cancelOwned(gone);
  return records;
}
