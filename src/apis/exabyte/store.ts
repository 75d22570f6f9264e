import type { StoreOptions } from '../../core/api-module.js';
import type { Principal } from '../../core/principal.js';
import fixtures from '../../generated/exabyte.fixtures.js';
import type { Clock } from '../../state/clock.js';
import { createCollection, type Collection } from '../../state/collection.js';
import type { Random } from '../../state/random.js';
import { createScheduler, type Scheduler } from '../../state/scheduler.js';
import { canFollow, enterStatus, isInFlight, nextEvent, planRun, type Job, type JobEvent } from './lifecycle.js';
import { USERS } from './users.js';

export interface ExabyteStore {
  jobs: Collection<Job>;
  /** Future status changes of in-flight jobs. */
  scheduler: Scheduler<JobEvent, string>;
  /** Login token → account id (the development tokens, then every login). */
  tokens: Map<string, string>;
  random: Random;
  clock: Clock;
}

/** Logins kept at most; the oldest minted token is forgotten first (development tokens never are). */
export const MAX_LOGIN_TOKENS = 10_000;

/** The committed fixtures (fixtures/exabyte/jobs.json, seed 1), as the generator bundled them. */
export function loadFixtures(): Job[] {
  return structuredClone((fixtures['jobs.json'] ?? []) as Job[]);
}

export function createStore({ random, clock, fixtures: withFixtures }: StoreOptions): ExabyteStore {
  const store: ExabyteStore = {
    jobs: createCollection<Job>(),
    scheduler: createScheduler<JobEvent, string>((e) => e.jobId),
    tokens: new Map(USERS.map((u) => [u.token, u.id])),
    random,
    clock,
  };
  if (withFixtures) for (const job of loadFixtures()) putJob(store, job, clock.now());
  return store;
}

/** Schedules the job's next status change, counted from `from`. */
export function scheduleNext(store: ExabyteStore, job: Job, from: number): void {
  const next = nextEvent(job, planRun(store.random, job._id));
  if (next) store.scheduler.schedule(from + next.afterMs, { jobId: job._id, status: next.status });
}

/**
 * Stores a job (new or replacing one with the same id) and, when it is in flight, puts its next step
 * on the clock from `now`: fixture and seeded jobs carry past timestamps but keep moving from load.
 */
export function putJob(store: ExabyteStore, job: Job, now: number): void {
  if (store.jobs.has(job._id)) store.scheduler.cancelOwned([job._id]);
  store.jobs.set(job._id, job);
  if (isInFlight(job.status)) scheduleNext(store, job, now);
}

export function removeJob(store: ExabyteStore, id: string): void {
  store.jobs.delete(id);
  store.scheduler.cancelOwned([id]);
}

/**
 * The store's job cap (the engine's `maxJobs`): the oldest stored jobs go with their pending status
 * changes, in one pass over the scheduler.
 */
export function evictOldestJobs(store: ExabyteStore, n: number): number {
  const ids = new Set(store.jobs.oldestKeys(n));
  for (const id of ids) store.jobs.delete(id);
  store.scheduler.cancelOwned(ids);
  return ids.size;
}

/** A job of the caller's account; another account's job is as absent as a missing one. */
export function findOwnJob(store: ExabyteStore, principal: Principal, id: string): Job | undefined {
  const job = store.jobs.get(id);
  return job && job.owner._id === principal.account ? job : undefined;
}

/** Applies every status change due by `now`, each at its own time, scheduling the one after. */
export function advanceStore(store: ExabyteStore, now: number): void {
  store.scheduler.runUntil(now, (event, at) => {
    const job = store.jobs.get(event.jobId);
    if (!job || !canFollow(job.status, event.status)) return;
    enterStatus(job, event.status, at, planRun(store.random, job._id));
    scheduleNext(store, job, at);
  });
}

export function rememberToken(store: ExabyteStore, token: string, accountId: string): void {
  store.tokens.set(token, accountId);
  const devTokens = new Set(USERS.map((u) => u.token));
  for (const key of store.tokens.keys()) {
    if (store.tokens.size <= MAX_LOGIN_TOKENS + devTokens.size) break;
    if (!devTokens.has(key)) store.tokens.delete(key);
  }
}

export function snapshot(store: ExabyteStore): unknown {
  return {
    jobs: [...store.jobs.values()],
    pendingEvents: store.scheduler.pending().map((e) => ({ at: new Date(e.at).toISOString(), jobId: e.event.jobId, status: e.event.status })),
    sessions: store.tokens.size,
  };
}
