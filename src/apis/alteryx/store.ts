import type { StoreOptions } from '../../core/api-module.js';
import type { components } from '../../generated/alteryx.js';
import { createCollection, type Collection } from '../../state/collection.js';
import type { Random } from '../../state/random.js';
import { createScheduler, type Scheduler } from '../../state/scheduler.js';
import fixtures from '../../generated/alteryx.fixtures.js';
import { counterOf } from './ids.js';
import { isTerminal, planRun, type JobEvent } from './lifecycle.js';

type Schemas = components['schemas'];
export type JobView = Schemas['JobView'];
export type JobStatus = Schemas['JobStatus'];
export type JobDisposition = Schemas['JobDisposition'];
export type JobPriority = Schemas['JobPriority'];
export type MessageView = Schemas['MessageView'];
export type OutputDataView = Schemas['OutputDataView'];
export type AppValue = Schemas['AppValue'];

/** A workflow (or app) published to the Server. Kit-only: the V3 workflow record is not served. */
export interface WorkflowRecord {
  id: string;
  name: string;
  /** Package file name the engine reports in its messages (`Regional Sales Forecast.yxwz`). */
  fileName: string;
  ownerId: string;
  /** Public and executable by others (shared through the Server's gallery). */
  isShared: boolean;
  /** An analytic app (takes `questions`) rather than a plain workflow. */
  isApp: boolean;
  workerTag: string;
  /** Runs on the AMP engine (E2). */
  runWithE2: boolean;
  dateCreated: string;
  /** Tools that report in job messages, toolId = index + 1. */
  tools: string[];
  /** Files a successful run writes. */
  outputs: string[];
}

/** A job as the store keeps it: the API record (always with messages) plus who ran it. */
export interface StoredJob {
  job: JobView & { messages: MessageView[] };
  ownerId: string;
  /** `createDateTime` in epoch ms. */
  createdAt: number;
  questions: AppValue[];
  credentialId?: string;
}

export interface IssuedToken {
  userId: string;
  expiresAt: number;
}

export interface AlteryxStore {
  /** Simulated outcomes and durations. */
  random: Random;
  /** Access tokens: a separate stream, so logging in does not change how jobs turn out. */
  tokenRandom: Random;
  workflows: Map<string, WorkflowRecord>;
  /** Jobs in creation order (createDateTime ascending), which list paging relies on. */
  jobs: Collection<StoredJob>;
  tokens: Map<string, IssuedToken>;
  scheduler: Scheduler<JobEvent, string>;
  /** Next ObjectId counter value. */
  counter: number;
}

/** Fixture records, as the committed files hold them. */
export interface FixtureRecords {
  workflows: WorkflowRecord[];
  jobs: JobView[];
  owners: { jobId: string; ownerId: string }[];
}

/** The committed fixtures (fixtures/alteryx/*.json, seed 1), from the module the generator writes. */
export function loadFixtures(): FixtureRecords {
  return {
    workflows: fixtures['workflows.json'] as WorkflowRecord[],
    jobs: fixtures['jobs.json'] as JobView[],
    owners: fixtures['job-owners.json'] as FixtureRecords['owners'],
  };
}

export function createStore({ random, clock, fixtures: withFixtures }: StoreOptions): AlteryxStore {
  const store = createEmptyStore(random);
  if (withFixtures) loadRecords(store, loadFixtures(), clock.now());
  return store;
}

/**
 * Adds workflows and jobs (fixtures or admin seeds, already validated) and plans the rest of the
 * run of every job still queued or running, from `now`.
 */
export function loadRecords(store: AlteryxStore, records: FixtureRecords, now: number): number {
  for (const workflow of records.workflows) store.workflows.set(workflow.id, structuredClone(workflow));
  const owners = new Map(records.owners.map((o) => [o.jobId, o.ownerId]));
  const replaced = new Set(records.jobs.map((j) => j.id));
  store.scheduler.cancelOwned(replaced);
  const added = records.jobs.map((job) => toStoredJob(job, owners.get(job.id) ?? store.workflows.get(job.appId)!.ownerId));
  for (const stored of added) {
    store.jobs.delete(stored.job.id);
    store.jobs.set(stored.job.id, stored);
  }
  if (!isInCreationOrder(store)) sortJobs(store);
  bumpCounter(store, [...records.workflows.map((w) => w.id), ...records.jobs.flatMap((j) => [j.id, ...j.outputs.map((o) => o.id)])]);
  for (const stored of added) {
    if (!isTerminal(stored.job.status)) planRun(store, stored, store.workflows.get(stored.job.appId)!, now);
  }
  return records.workflows.length + added.length;
}

export function createEmptyStore(random: Random): AlteryxStore {
  return {
    random: random.fork('lifecycle'),
    tokenRandom: random.fork('tokens'),
    workflows: new Map(),
    jobs: createCollection<StoredJob>(),
    tokens: new Map(),
    scheduler: createScheduler<JobEvent, string>((e) => e.jobId),
    counter: 1,
  };
}

/** Wraps an API-shaped job for the store (deep-copied: fixtures and seeds stay untouched). */
export function toStoredJob(job: JobView, ownerId: string): StoredJob {
  const copy = structuredClone(job);
  return { job: { ...copy, messages: copy.messages ?? [] }, ownerId, createdAt: Date.parse(job.createDateTime), questions: [] };
}

/** Keeps the ObjectId counter above every id the store holds. */
export function bumpCounter(store: AlteryxStore, ids: Iterable<string>): void {
  for (const id of ids) store.counter = Math.max(store.counter, counterOf(id) + 1);
}

/** Adds a job, keeping creation order (a job dated before the newest one re-sorts the store). */
export function appendJob(store: AlteryxStore, stored: StoredJob): void {
  store.jobs.delete(stored.job.id);
  const newest = store.jobs.page({ limit: 1, reverse: true }).items[0];
  store.jobs.set(stored.job.id, stored);
  if (newest && newest.createdAt > stored.createdAt) sortJobs(store);
}

/** Re-inserts the jobs in creation order (after a seed added older jobs). */
export function sortJobs(store: AlteryxStore): void {
  const all = [...store.jobs.values()].sort((a, b) => a.createdAt - b.createdAt || (a.job.id < b.job.id ? -1 : 1));
  store.jobs.clear();
  for (const stored of all) store.jobs.set(stored.job.id, stored);
}

export function isInCreationOrder(store: AlteryxStore): boolean {
  let last = -Infinity;
  for (const stored of store.jobs.values()) {
    if (stored.createdAt < last) return false;
    last = stored.createdAt;
  }
  return true;
}


/**
 * The store's job cap (the engine's `maxJobs`): the oldest jobs (the store keeps creation order) go
 * with their messages, outputs and pending lifecycle events, in one pass over the scheduler.
 */
export function evictOldestJobs(store: AlteryxStore, n: number): number {
  const ids = new Set(store.jobs.oldestKeys(n));
  for (const id of ids) store.jobs.delete(id);
  store.scheduler.cancelOwned(ids);
  return ids.size;
}
