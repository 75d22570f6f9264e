import { descriptionOf, findTarget } from './entities.js';
import { isJobPair, isTargetPair, PENDING_LIMIT_MS, type EntityMeta, type JobRecord } from './records.js';
import type { ContentHubStore } from './store.js';

function checkJob(store: ContentHubStore, job: JobRecord, now: number, problems: string[]): void {
  const at = `job ${job.id}`;
  if (!isJobPair(job.state, job.condition)) problems.push(`${at}: ${job.state}/${job.condition} is not a documented pair`);
  const targets = [...job.targets.values()];
  const completed = targets.filter((t) => t.state === 'Completed');
  if (job.targetCount !== targets.length) problems.push(`${at}: Job.TargetCount ${job.targetCount} but ${targets.length} targets`);
  if (job.targetsCompleted !== completed.length) problems.push(`${at}: Job.TargetsCompleted ${job.targetsCompleted} but ${completed.length} completed`);
  if (job.targetsFailed !== completed.filter((t) => t.condition === 'Failure').length) problems.push(`${at}: Job.TargetsFailed does not match its targets`);
  if (job.state === 'InProgress' && job.startedOn === null) problems.push(`${at}: in progress without Job.StartedOn`);
  if ((job.state === 'Completed' || job.state === 'Cancelled') && job.endedOn === null) problems.push(`${at}: ${job.state} without Job.EndedOn`);
  if (job.state === 'Pending' && job.pendingSince !== null && now - job.pendingSince > PENDING_LIMIT_MS) problems.push(`${at}: pending for more than 48 hours`);
  if (job.workerTarget !== null) {
    const held = findTarget(job, job.workerTarget);
    if (job.state !== 'InProgress' || held?.state !== 'InProgress') problems.push(`${at}: the worker holds target ${job.workerTarget}, which is not running`);
  }
  for (const t of targets) {
    if (!isTargetPair(t.state, t.condition)) problems.push(`target ${t.id}: ${t.state}/${t.condition} is not a documented pair`);
    if (t.jobId !== job.id || store.targetJobs.get(t.id) !== job.id) problems.push(`target ${t.id}: indexed under the wrong job`);
  }
  const description = descriptionOf(store, job);
  if (job.descriptionId !== null && description?.jobId !== job.id) problems.push(`${at}: description ${job.descriptionId} is missing or belongs elsewhere`);
}

/** Consistency of the store; an empty list means every invariant holds. */
export function invariants(store: ContentHubStore): string[] {
  const problems: string[] = [];
  const now = store.clock.now();
  const entities: EntityMeta[] = [];
  for (const job of store.jobs.values()) {
    checkJob(store, job, now, problems);
    entities.push(job, ...job.targets.values());
  }
  for (const d of store.descriptions.values()) {
    entities.push(d);
    if (store.jobs.get(d.jobId)?.descriptionId !== d.id) problems.push(`description ${d.id}: its job does not point back at it`);
  }
  const targetCount = [...store.jobs.values()].reduce((n, j) => n + j.targets.size, 0);
  if (store.targetJobs.size !== targetCount) problems.push(`target index has ${store.targetJobs.size} entries for ${targetCount} targets`);
  const ids = new Set<number>();
  for (const e of entities) {
    if (ids.has(e.id)) problems.push(`entity id ${e.id} is used twice`);
    ids.add(e.id);
    if (e.id >= store.nextId) problems.push(`entity id ${e.id} is not below the next id ${store.nextId}`);
    if (store.identifiers.get(e.identifier) !== e.id) problems.push(`identifier '${e.identifier}' of entity ${e.id} is not indexed to it`);
  }
  if (store.identifiers.size !== entities.length) problems.push(`identifier index has ${store.identifiers.size} entries for ${entities.length} entities`);
  return problems;
}
