import { describe, expect, it } from 'vitest';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { findTarget } from './entities.js';
import { invariants } from './invariants.js';
import { advance, onTargetsChanged, PENDING_TOO_LONG, targetOutcome } from './lifecycle.js';
import { createStore } from './store.js';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

function setup(seed = 1) {
  const clock = createClock({ mode: 'manual' });
  const store = createStore({ random: createRandom(seed).fork('contenthub').fork('store'), clock, fixtures: true });
  const run = (ms: number) => advance(store, clock.advance(ms));
  const job = (id: number) => store.jobs.get(id)!;
  return { clock, store, run, job };
}

describe('contenthub: job lifecycle on the clock', () => {
  it('queues a Created job after 30 s and starts it when a worker picks it up', () => {
    const { run, job } = setup();
    expect([job(39389).state, job(39389).condition]).toEqual(['Created', 'Pending']);
    run(19 * S);
    expect(job(39389).state).toBe('Created');
    run(1 * S); // created 10 s before the start + 30 s
    expect([job(39389).state, job(39389).condition]).toEqual(['Pending', 'Pending']);
    run(2 * MIN);
    expect([job(39389).state, job(39389).condition]).toEqual(['InProgress', 'None']);
    expect(job(39389).startedOn).toBe(job(39389).modifiedOn);
  });

  it('runs one target at a time: Pending → InProgress → Completed', () => {
    const { run, job } = setup();
    run(2 * MIN + 20 * S);
    const states = () => [...job(39389).targets.values()].map((t) => t.state);
    expect(states()).toEqual(['InProgress', 'Pending', 'Pending']);
    run(2 * MIN);
    expect(states().filter((s) => s === 'InProgress').length).toBeLessThanOrEqual(1);
    expect(states()[0]).toBe('Completed');
  });

  it('completes a job with Success when no target failed, Failure with a message when one did', () => {
    const { run, job } = setup();
    run(3 * H);
    for (const id of [39309, 39389, 39405]) {
      const j = job(id);
      expect(j.state).toBe('Completed');
      expect(j.targetsCompleted).toBe(j.targetCount);
      expect(j.condition).toBe(j.targetsFailed > 0 ? 'Failure' : 'Success');
      expect(j.message).toBe(j.targetsFailed > 0 ? `${j.targetsFailed} of ${j.targetCount} targets failed.` : null);
      expect(j.endedOn).not.toBeNull();
    }
    expect(job(39309).targetsFailed).toBeGreaterThan(2); // two failed before the start, the seed fails more
  });

  it('gives a failed target a message in the cultures it has', () => {
    const { run, job } = setup();
    run(3 * H);
    const failed = [...job(39309).targets.values()].filter((t) => t.condition === 'Failure');
    for (const t of failed) expect(t.message.get('en-US')).toMatch(/\.$/);
  });

  it('marks a job pending for more than 48 hours as Completed/Failure', () => {
    const { run, job } = setup();
    run(1 * H); // queued 47 h before the start: exactly 48 h now
    expect(job(39383).state).toBe('Pending');
    run(1);
    expect([job(39383).state, job(39383).condition, job(39383).message]).toEqual(['Completed', 'Failure', PENDING_TOO_LONG]);
    expect([...job(39383).targets.values()].every((t) => t.state === 'Pending')).toBe(true);
  });

  it('picks up a queued job after its pickup delay', () => {
    const { run, job } = setup();
    run(5 * MIN - 1);
    expect(job(39405).state).toBe('Pending');
    run(1);
    expect(job(39405).state).toBe('InProgress');
  });

  it('lets go of a target a client cancelled and goes on with the next one', () => {
    const { clock, store, run, job } = setup();
    const j = job(39309);
    const held = findTarget(j, j.workerTarget!)!;
    held.state = 'Cancelled';
    held.condition = 'Cancelled';
    onTargetsChanged(store, j, clock.now());
    run(1);
    expect(j.workerTarget).not.toBe(held.id);
    run(3 * H);
    expect(held.state).toBe('Cancelled');
    expect(j.state).toBe('Completed');
    expect(invariants(store)).toEqual([]);
  });

  it('waits for targets a client holds InProgress before completing the job', () => {
    const { clock, store, run, job } = setup();
    const j = job(39376);
    const last = [...j.targets.values()].at(-1)!;
    last.state = 'InProgress';
    last.condition = 'None';
    onTargetsChanged(store, j, clock.now());
    run(2 * H);
    expect(j.state).toBe('InProgress');
    expect([...j.targets.values()].filter((t) => t.state !== 'Completed')).toEqual([last]);
    last.state = 'Completed';
    last.condition = 'Success';
    onTargetsChanged(store, j, clock.now());
    run(1);
    expect(j.state).toBe('Completed');
  });

  it('draws the same outcome for the same seed and target, and others for other seeds', () => {
    const a = setup(1).store;
    const b = setup(1).store;
    const c = setup(2).store;
    const outcomes = (s: typeof a) => Array.from({ length: 40 }, (_, i) => targetOutcome(s, 39311 + i));
    expect(outcomes(a)).toEqual(outcomes(b));
    expect(outcomes(a)).not.toEqual(outcomes(c));
    expect(outcomes(a).some((o) => o.failed)).toBe(true);
  });

  it('keeps every invariant over days of clock time', () => {
    const { store, run } = setup();
    for (let i = 0; i < 24 * 3; i++) {
      run(H);
      expect(invariants(store)).toEqual([]);
    }
    const states = new Set([...store.jobs.values()].map((j) => j.state));
    expect([...states].sort()).toEqual(['Cancelled', 'Completed', 'InProgress']);
    // Only a job whose last open target a client holds stays open: 39515, the contract runs' bulk-create job.
    const open = [...store.jobs.values()].filter((j) => j.state === 'InProgress');
    expect(open.map((j) => [j.id, [...j.targets.values()].filter((t) => t.state !== 'Completed').map((t) => [t.state, t.startedOn])])).toEqual([[39515, [['InProgress', null]]]]);
  });

  it('does nothing while the clock stands still', () => {
    const { store, job } = setup();
    const before = JSON.stringify([...store.jobs.values()].map((j) => [j.state, j.version]));
    advance(store, store.clock.now());
    expect(JSON.stringify([...store.jobs.values()].map((j) => [j.state, j.version]))).toBe(before);
    expect(job(39309).workerTarget).not.toBeNull();
  });
});
