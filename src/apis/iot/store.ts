/**
 * The iot store: per account-and-region scopes (AWS IoT resources are regional and per account),
 * each with its jobs (and their executions), job templates, and the thing registry the jobs target.
 * Timestamps are virtual epoch milliseconds here; the views turn them into AWS epoch seconds.
 */
import type { StoreOptions } from '../../core/api-module.js';
import type { components } from '../../generated/iot.js';
import { createCollection, type Collection } from '../../state/collection.js';
import type { Clock } from '../../state/clock.js';
import type { Random } from '../../state/random.js';
import { createScheduler, type Scheduler } from '../../state/scheduler.js';
import { scopeKey, type Scope } from './ids.js';
import { fleetEventOwner, type Fate, type FleetEvent } from './fleet.js';
import fixtures from '../../generated/iot.fixtures.js';
import type { IotRecords } from './record-schemas.js';
import { loadRecords } from './records.js';

type Schemas = components['schemas'];
export type JobStatus = Schemas['JobStatus'];
export type ExecutionStatus = Schemas['JobExecutionStatus'];
export type TargetSelection = Schemas['TargetSelection'];

/** The configuration members a job and a job template share. */
export interface JobConfig {
  presignedUrlConfig?: Schemas['PresignedUrlConfig'];
  jobExecutionsRolloutConfig?: Schemas['JobExecutionsRolloutConfig'];
  abortConfig?: Schemas['AbortConfig'];
  timeoutConfig?: Schemas['TimeoutConfig'];
  jobExecutionsRetryConfig?: Schemas['JobExecutionsRetryConfig'];
}

export interface ExecutionRecord {
  jobId: string;
  thingName: string;
  thingArn: string;
  status: ExecutionStatus;
  forceCanceled: boolean;
  /** A Map, never a plain object: the keys come from callers (`__proto__` is a valid key). */
  statusDetails: Map<string, string>;
  queuedAt: number;
  startedAt?: number;
  lastUpdatedAt: number;
  executionNumber: number;
  versionNumber: number;
  retryAttempt: number;
  /** When an IN_PROGRESS execution times out (the job's in-progress timeout), if it has one. */
  timeoutAt?: number;
  /** What the simulated device will do with this attempt. */
  fate: Fate;
}

export interface JobRecord {
  jobId: string;
  jobArn: string;
  targets: string[];
  targetSelection: TargetSelection;
  status: JobStatus;
  document: string;
  description?: string;
  comment?: string;
  reasonCode?: string;
  forceCanceled: boolean;
  config: JobConfig;
  jobTemplateArn?: string;
  tags: Schemas['Tag'][];
  createdAt: number;
  lastUpdatedAt: number;
  completedAt?: number;
  /** Keyed by thing name, in the order the executions were queued. */
  executions: Collection<ExecutionRecord>;
  /** How many executions are in each status (kept in step with `executions`; checked by invariants). */
  counts: Record<ExecutionStatus, number>;
  /** The last execution number each thing got for this job (a re-queued thing gets the next one). */
  executionNumbers: Map<string, number>;
  /** How many executions the rollout has queued so far (paces `maximumPerMinute`). */
  rolledOut: number;
  /** When a DELETION_IN_PROGRESS job disappears. */
  purgeAt?: number;
}

export interface TemplateRecord extends JobConfig {
  jobTemplateId: string;
  jobTemplateArn: string;
  description: string;
  document: string;
  createdAt: number;
  tags: Schemas['Tag'][];
}

export interface ThingRecord {
  thingName: string;
  thingArn: string;
}

export interface GroupRecord {
  thingGroupName: string;
  thingGroupArn: string;
  thingGroupId: string;
  /** Member thing names, in the order they joined. */
  members: string[];
}

export interface ScopeState extends Scope {
  key: string;
  jobs: Collection<JobRecord>;
  templates: Collection<TemplateRecord>;
  things: Map<string, ThingRecord>;
  groups: Map<string, GroupRecord>;
  /** Per thing, the ids of the jobs it has an execution of, in the order they were queued. */
  thingJobs: Map<string, Collection<string>>;
}

export interface IotStore {
  scopes: Map<string, ScopeState>;
  /** The engine's clock, for reads that depend on the time (seconds before a timeout) outside a request. */
  clock: Clock;
  scheduler: Scheduler<FleetEvent, string>;
  /** The device fleet's randomness; each execution attempt draws from its own fork. */
  fleet: Random;
}

export function emptyCounts(): Record<ExecutionStatus, number> {
  return { QUEUED: 0, IN_PROGRESS: 0, SUCCEEDED: 0, FAILED: 0, TIMED_OUT: 0, REJECTED: 0, REMOVED: 0, CANCELED: 0 };
}

/** The scope's state; created on first write (reads of an unknown scope see an empty one). */
export function scopeState(store: IotStore, scope: Scope): ScopeState {
  const key = scopeKey(scope);
  let state = store.scopes.get(key);
  if (!state) {
    state = {
      ...scope,
      key,
      jobs: createCollection(),
      templates: createCollection(),
      things: new Map(),
      groups: new Map(),
      thingJobs: new Map(),
    };
    store.scopes.set(key, state);
  }
  return state;
}

/** The committed fixtures (fixtures/iot/*.json, seed 1) from the module the generator writes, keyed as the seed body is. */
export function loadFixtures(): IotRecords {
  const records: Record<string, unknown[]> = {};
  for (const [file, items] of Object.entries(fixtures)) records[file.replace(/\.json$/, '')] = items;
  return records as IotRecords;
}

export function createIotStore(options: StoreOptions): IotStore {
  const store: IotStore = { scopes: new Map(), clock: options.clock, scheduler: createScheduler(fleetEventOwner), fleet: options.random.fork('iot-fleet') };
  if (options.fixtures) {
    const loaded = loadRecords(store, loadFixtures(), options.clock.now());
    if (typeof loaded !== 'number') throw new Error(`iot fixtures do not load: ${loaded}`);
  }
  return store;
}
