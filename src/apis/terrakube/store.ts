/**
 * The terrakube store: organizations and their teams, workspaces, templates, jobs and steps, plus
 * the lifecycle events waiting on the virtual clock.
 */
import type { StoreOptions } from '../../core/api-module.js';
import { createCollection, type Collection } from '../../state/collection.js';
import type { Random } from '../../state/random.js';
import { createScheduler, type Scheduler } from '../../state/scheduler.js';
import generatedFixtures from '../../generated/terrakube.fixtures.js';
import { loadFiles, type ResourceFiles } from './load.js';
import { isFinished, type JobOutcome, type JobRecord, type OrganizationRecord, type StepRecord, type TeamRecord, type TemplateRecord, type WorkspaceRecord } from './model.js';
import { WorkspaceQueue } from './queue.js';

/** A lifecycle event: a scheduler tick for one job (ignored if the job changed since), or its 6-hour limit. */
export interface LifecycleEvent {
  kind: 'tick' | 'expire';
  jobId: number;
  version: number;
}

export interface TerrakubeStore {
  organizations: Map<string, OrganizationRecord>;
  workspaces: Map<string, WorkspaceRecord>;
  teams: TeamRecord[];
  templates: Map<string, TemplateRecord>;
  /** Keyed by the job id as a string; insertion order is id order. */
  jobs: Collection<JobRecord>;
  /** Per workspace id, its jobs in id order for the one-at-a-time rule; fed only by `storeJob`. */
  queues: Map<string, WorkspaceQueue>;
  steps: Map<string, StepRecord>;
  nextJobId: number;
  scheduler: Scheduler<LifecycleEvent, number>;
  random: Random;
}

/** The moment the committed fixtures are written relative to (the manual clock's default start). */
export const FIXTURE_EPOCH = Date.UTC(2025, 0, 1, 0, 0, 0);

export function createEmptyStore(random: Random): TerrakubeStore {
  return {
    organizations: new Map(),
    workspaces: new Map(),
    teams: [],
    templates: new Map(),
    jobs: createCollection<JobRecord>(),
    queues: new Map(),
    steps: new Map(),
    nextJobId: 1,
    scheduler: createScheduler<LifecycleEvent, number>((e) => e.jobId),
    random,
  };
}

/** The committed fixtures (`npm run generate` renders `buildFixtures(1)` into the generated module). */
export function loadFixtures(): ResourceFiles {
  return Object.fromEntries(Object.entries(generatedFixtures).map(([name, items]) => [name.replace(/\.json$/, ''), items]));
}

export function createStore(options: StoreOptions): TerrakubeStore {
  const store = createEmptyStore(options.random);
  if (options.fixtures) {
    // Fixture times are relative to FIXTURE_EPOCH; a real-time clock starts "now", so shift them there
    // (zero shift on the manual clock, so runs stay byte-identical).
    const loaded = loadFiles(store, loadFixtures(), options.clock.now(), options.clock.now() - FIXTURE_EPOCH);
    if (typeof loaded === 'string') throw new Error(`terrakube fixtures do not load: ${loaded}`);
  }
  return store;
}

/** What the executor simulation will make of a job: drawn from the seed and the job id only. */
export function outcomeFor(random: Random, jobId: number): JobOutcome {
  const draw = random.fork(`outcome:${jobId}`);
  const roll = draw.next();
  const failAt = draw.next();
  if (roll < 0.15) return { kind: 'fail', failAt };
  if (roll < 0.3) return { kind: 'noChanges', failAt };
  return { kind: 'success', failAt };
}

/** Puts a job in the store: every job enters through here, so its workspace's queue knows it. */
export function storeJob(store: TerrakubeStore, job: JobRecord): void {
  store.jobs.set(String(job.id), job);
  let queue = store.queues.get(job.workspaceId);
  if (!queue) {
    queue = new WorkspaceQueue((j) => !isFinished(j.status) && store.jobs.get(String(j.id)) === j);
    store.queues.set(job.workspaceId, queue);
  }
  queue.add(job);
}

/** The workspace's earliest unfinished job: the only one that may run (O(1) amortised, see `queue.ts`). */
export function earliestUnfinished(store: TerrakubeStore, workspaceId: string): JobRecord | undefined {
  return store.queues.get(workspaceId)?.head();
}

export function jobsOfWorkspace(store: TerrakubeStore, workspaceId: string): JobRecord[] {
  return [...store.jobs.values()].filter((j) => j.workspaceId === workspaceId);
}

export function stepsOf(store: TerrakubeStore, job: JobRecord): StepRecord[] {
  return job.stepIds.map((id) => store.steps.get(id)).filter((s): s is StepRecord => s !== undefined);
}

export function getJob(store: TerrakubeStore, id: number): JobRecord | undefined {
  return store.jobs.get(String(id));
}
