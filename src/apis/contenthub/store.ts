import { JobsKitError } from '../../core/kit-error.js';
import type { StoreOptions } from '../../core/api-module.js';
import { DEFAULT_START, type Clock } from '../../state/clock.js';
import type { Random } from '../../state/random.js';
import { createScheduler, type Scheduler } from '../../state/scheduler.js';
import generatedFixtures from '../../generated/contenthub.fixtures.js';
import { FIRST_FIXTURE_ID } from './ids.js';
import type { LifecycleEvent } from './lifecycle.js';
import { fixturesToSeedData, loadRecords, type SeedData } from './load.js';
import type { DescriptionRecord, JobRecord } from './records.js';

/** Everything the Content Hub mock holds. Targets live in their job's collection. */
export interface ContentHubStore {
  jobs: Map<number, JobRecord>;
  /** Target id → job id. */
  targetJobs: Map<number, number>;
  /** Description id → description. */
  descriptions: Map<number, DescriptionRecord>;
  /** Identifier → entity id (identifiers are unique across entities). */
  identifiers: Map<string, number>;
  nextId: number;
  scheduler: Scheduler<LifecycleEvent, number>;
  random: Random;
  clock: Clock;
}

/** The committed fixtures (seed 1), from the generated module (`npm run generate` writes it from fixtures.ts). */
export function loadFixtures(): SeedData {
  return fixturesToSeedData(generatedFixtures);
}

export function createStore({ random, clock, fixtures }: StoreOptions): ContentHubStore {
  const store: ContentHubStore = {
    jobs: new Map(),
    targetJobs: new Map(),
    descriptions: new Map(),
    identifiers: new Map(),
    nextId: FIRST_FIXTURE_ID,
    scheduler: createScheduler<LifecycleEvent, number>((e) => e.jobId),
    random,
    clock,
  };
  if (fixtures) {
    // Fixtures are written for the default clock start; a clock that starts elsewhere (serve's real
    // clock) sees them moved by the same amount, so ages and lifecycles stay as written.
    const loaded = loadRecords(store, loadFixtures(), { shift: clock.startedAt - DEFAULT_START, now: clock.now() });
    if (!('loaded' in loaded)) throw new JobsKitError('JOBSKIT_FIXTURE_INVALID', `contenthub fixtures do not load: ${loaded.message}`);
  }
  return store;
}
