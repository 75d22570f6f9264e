import { describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { invariants, seed, snapshot } from './admin.js';
import { DEV_USERS } from './auth.js';
import { ANCHOR_JOB_ID, ANCHOR_WORKFLOW_ID } from './fixtures.js';
import { advanceJobs } from './lifecycle.js';
import { createStore, type JobView } from './store.js';

const BOB = DEV_USERS[1]!.principal.id;

function setup(fixtures = true) {
  const clock = createClock({ mode: 'manual' });
  return { clock, store: createStore({ random: createRandom(1), clock, fixtures }) };
}

const workflow = {
  id: '65a000000000000000000001',
  name: 'Seeded Workflow',
  fileName: 'Seeded Workflow.yxmd',
  ownerId: BOB,
  isShared: false,
  isApp: false,
  workerTag: '',
  runWithE2: false,
  dateCreated: '2024-01-01T00:00:00.000Z',
  tools: ['Input Data', 'Output Data'],
  outputs: ['out.csv'],
};
const job = (over: Partial<JobView> = {}): JobView => ({
  id: '65a000000000000000000002',
  appId: workflow.id,
  createDateTime: '2024-01-02T00:00:00.000Z',
  status: 'Queued',
  disposition: 'None',
  outputs: [],
  priority: 'Low',
  workerTag: '',
  runWithE2: false,
  ...over,
});

describe('alteryx: admin seed, state and invariants', () => {
  it('loads workflows and jobs, defaulting the owner to the workflow owner, and runs queued ones on', () => {
    const { clock, store } = setup(false);
    expect(seed(store, { workflows: [workflow], jobs: [job()] }, { clock })).toEqual({ loaded: 2 });
    expect(store.jobs.get(job().id)!.ownerId).toBe(BOB);
    advanceJobs(store, clock.now() + 600_000);
    expect(store.jobs.get(job().id)!.job.status).toBe('Completed');
    expect(invariants(store)).toEqual([]);
  });

  it('keeps jobs in creation order when a seed adds older ones', () => {
    const { clock, store } = setup();
    expect(seed(store, { workflows: [workflow], jobs: [job({ status: 'Completed', disposition: 'Success' })] }, { clock })).toEqual({ loaded: 2 });
    expect([...store.jobs.values()][0]!.job.id).toBe(job().id);
    expect(invariants(store)).toEqual([]);
  });

  it('refuses bad records with a message naming the record, loading nothing', () => {
    const { clock, store } = setup();
    const before = store.jobs.size;
    const cases: unknown[] = [
      [],
      { jobs: 'x' },
      { jobs: [job({ id: 'nope' })] },
      { jobs: [job({ appId: '65a0000000000000000000ff' })] },
      { jobs: [job({ status: 'Completed', disposition: 'None' })] },
      { jobs: [{ ...job({ appId: ANCHOR_WORKFLOW_ID }), ownerId: 'mallory' }] },
      { workflows: [{ ...workflow, extra: 1 }] },
    ];
    for (const data of cases) {
      const result = seed(store, data, { clock });
      expect(isApiError(result) && result.code, JSON.stringify(data)).toBe('validation_failed');
    }
    expect(store.jobs.size).toBe(before);
  });

  it('shows users, workflows, jobs with their owners, tokens and pending events', () => {
    const { store } = setup();
    const state = snapshot(store) as { users: unknown[]; jobs: { id: string; ownerId: string }[]; pendingEvents: number };
    expect(state.users).toHaveLength(3);
    expect(state.jobs.find((j) => j.id === ANCHOR_JOB_ID)!.ownerId).toBe(DEV_USERS[0]!.principal.id);
    expect(state.pendingEvents).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('holds on the fixtures, and names a job the lifecycle could not have produced', () => {
    const { store } = setup();
    expect(invariants(store)).toEqual([]);
    store.jobs.get(ANCHOR_JOB_ID)!.job.disposition = 'None';
    const queued = [...store.jobs.values()].find((s) => s.job.status === 'Queued')!;
    store.scheduler.cancelOwned([queued.job.id]);
    const problems = invariants(store);
    expect(problems.some((p) => p.includes(ANCHOR_JOB_ID))).toBe(true);
    expect(problems.some((p) => p.includes(queued.job.id) && p.includes('nothing will move it on'))).toBe(true);
  });
});
