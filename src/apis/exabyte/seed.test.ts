import { describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { invariants } from './invariants.js';
import type { Job } from './lifecycle.js';
import { PINNED_JOBS } from './pinned-jobs.js';
import { seedStore } from './seed.js';
import { createStore } from './store.js';

const fresh = () => {
  const clock = createClock();
  return { clock, store: createStore({ random: createRandom(1), clock, fixtures: false }) };
};
const job = (over: Partial<Job> = {}): Job => ({ ...structuredClone(PINNED_JOBS[1]!), ...over });
const refusal = (data: unknown): string => {
  const { store, clock } = fresh();
  const result = seedStore(store, data, clock);
  if (!isApiError(result)) throw new Error('expected a refusal');
  expect(store.jobs.size).toBe(0);
  return result.message;
};

describe('exabyte: admin seed and invariants', () => {
  it('loads API-shaped jobs, as { jobs } or a bare array, replacing an existing id', () => {
    const { store, clock } = fresh();
    expect(seedStore(store, { jobs: [job(), job({ _id: 'Zz2Zz2Zz2Zz2Zz2Zz' })] }, clock)).toEqual({ loaded: 2 });
    expect(seedStore(store, [job({ name: 'renamed' })], clock)).toEqual({ loaded: 1 });
    expect(store.jobs.size).toBe(2);
    expect(store.jobs.get(PINNED_JOBS[1]!._id)!.name).toBe('renamed');
    expect(invariants(store)).toEqual([]);
  });

  it('starts seeded jobs in flight on the clock', () => {
    const { store, clock } = fresh();
    const active = job({ status: 'active', statusTrack: PINNED_JOBS[1]!.statusTrack.slice(0, 4) });
    expect(seedStore(store, [active], clock)).toEqual({ loaded: 1 });
    expect(store.scheduler.size).toBe(1);
    expect(invariants(store)).toEqual([]);
  });

  it('refuses records that break the schema or the lifecycle, loading none of them', () => {
    expect(refusal({ job: [] })).toMatch(/send \{ "jobs"/);
    expect(refusal([job({ _id: 'short' })])).toMatch(/jobs\[0\]: body \/_id/);
    expect(refusal([job(), { ...job(), extra: 1 }])).toMatch(/jobs\[1\]: .*extra: is not allowed/);
    expect(refusal([job({ status: 'active' })])).toMatch(/status active but statusTrack ends at finished/);
    expect(refusal([job({ statusTrack: [{ trackedAt: 1, status: 'pre-submission' }, { trackedAt: 2, status: 'finished' }] })])).toMatch(/pre-submission → finished/);
    expect(refusal([job({ owner: { _id: 'Nobody23456789abc' } })])).toMatch(/not an account of this mock/);
    expect(refusal([job(), job()])).toMatch(/appears twice/);
  });

  it('reports jobs in flight without a pending step, and steps for missing jobs', () => {
    const { store, clock } = fresh();
    seedStore(store, [job({ status: 'active', statusTrack: PINNED_JOBS[1]!.statusTrack.slice(0, 4) })], clock);
    store.scheduler.clear();
    expect(invariants(store)).toEqual([`job ${PINNED_JOBS[1]!._id}: active with 0 pending steps (expected 1)`]);
    store.scheduler.schedule(5, { jobId: 'Gone2345678923456', status: 'queued' });
    expect(invariants(store)).toContain('pending steps for job Gone2345678923456, which is not stored');
  });
});
