import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api-error.js';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { ALICE } from './auth.js';
import { buildFixtures } from './fixtures.js';
import contenthub from './index.js';
import { invariants } from './invariants.js';
import { advance } from './lifecycle.js';
import { createStore } from './store.js';

const fixtures = buildFixtures(1);
const pick = (name: string, predicate: (item: any) => boolean) => structuredClone((fixtures[name]!.items as any[]).filter(predicate));
/** Job 39389 (Created, 3 targets, no description) and its records, as a seed. */
const createdJob = () => ({
  jobs: pick('jobs.json', (j) => j.id === 39389),
  targets: pick('targets.json', (t) => t.relations.JobToJobTarget.parent.href.endsWith('/39389')),
  simulation: pick('job-simulation.json', (s) => s.job_id === 39389),
});

function emptyStore() {
  const clock = createClock();
  return { clock, store: createStore({ random: createRandom(1), clock, fixtures: false }) };
}

describe('contenthub: admin seed', () => {
  it('loads API-shaped records and puts their jobs on the clock', () => {
    const { clock, store } = emptyStore();
    expect(contenthub.seed(store, createdJob(), { clock, random: createRandom(1) })).toEqual({ loaded: 4 });
    expect(store.jobs.get(39389)!.targetCount).toBe(3);
    advance(store, clock.advance(60 * 60 * 1000));
    expect(store.jobs.get(39389)!.state).toBe('Completed');
    expect(invariants(store)).toEqual([]);
    expect(store.nextId).toBe(39393);
  });

  it('refuses records that break the schema, naming where', () => {
    const { clock, store } = emptyStore();
    const data = createdJob();
    data.jobs[0].properties['Job.State'] = 'Running';
    const result = contenthub.seed(store, data, { clock, random: createRandom(1) }) as ApiError;
    expect(result).toBeInstanceOf(ApiError);
    expect(result.code).toBe('validation_failed');
    expect(result.diagnostics[0]!.path).toBe('/jobs/0/properties/Job.State');
    expect(store.jobs.size).toBe(0);
  });

  it('refuses bad shapes, unknown sections and impossible pairs', () => {
    const { clock, store } = emptyStore();
    const context = { clock, random: createRandom(1) };
    expect(contenthub.seed(store, [], context)).toBeInstanceOf(ApiError);
    expect((contenthub.seed(store, { users: [] }, context) as ApiError).message).toMatch(/unknown seed section "users"/);
    expect((contenthub.seed(store, { jobs: {} }, context) as ApiError).message).toMatch(/must be an array/);
    const data = createdJob();
    data.jobs[0].properties['Job.Condition'] = 'Success';
    expect((contenthub.seed(store, data, context) as ApiError).message).toMatch(/Created\/Success is not a job state\/condition pair/);
  });

  it('loads all or nothing: targets of an unknown job or reused ids load nothing', () => {
    const { clock, store } = emptyStore();
    const context = { clock, random: createRandom(1) };
    const orphan = createdJob();
    orphan.jobs = [];
    orphan.simulation = [];
    expect((contenthub.seed(store, orphan, context) as ApiError).message).toMatch(/job 39389, which does not exist/);
    expect(contenthub.seed(store, createdJob(), context)).toEqual({ loaded: 4 });
    expect((contenthub.seed(store, createdJob(), context) as ApiError).message).toMatch(/already used/);
    expect(store.jobs.size).toBe(1);
  });

  it('shows the store in the snapshot as the API returns it, with the simulation', () => {
    const { clock, store } = emptyStore();
    contenthub.seed(store, createdJob(), { clock, random: createRandom(1) });
    const state = contenthub.snapshot(store) as any;
    expect(state.jobs[0].id).toBe(39389);
    expect(state.jobs[0].simulation).toEqual({ readers: [], pickup_delay_ms: 120000, pending_since: null, worker_target: null });
    expect(state.targets).toHaveLength(3);
    expect(state.scheduled[0]).toMatchObject({ kind: 'queue', jobId: 39389 });
    expect(state.jobs[0].created_by.href).toMatch(new RegExp(`${ALICE.entityId}$`));
  });
});
