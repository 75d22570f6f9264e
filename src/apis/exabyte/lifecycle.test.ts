import { describe, expect, it } from 'vitest';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { invariants } from './invariants.js';
import { canFollow, enterStatus, isInFlight, planRun, runOutcome, timeLimitMs, TRANSITIONS, type Job, type RunPlan } from './lifecycle.js';
import { advanceStore, createStore, putJob, scheduleNext } from './store.js';
import { PINNED_JOBS } from './pinned-jobs.js';
import spec from '../../generated/exabyte.spec.js';

const HOUR = 3_600_000;
const plan = (over: Partial<RunPlan>): RunPlan => ({ queueAfterMs: 1, startAfterMs: 1, runMs: 600_000, fails: false, failAt: 0.5, terminateAfterMs: 1, rmsNumber: 1, errorIndex: 0, ...over });

function freshJob(timeLimit = '01:00:00'): Job {
  const job = structuredClone(PINNED_JOBS[0]!);
  job.compute.timeLimit = timeLimit;
  return job;
}

describe('exabyte: job lifecycle', () => {
  it('allows only the platform’s steps and ends in terminal statuses', () => {
    expect(canFollow('pre-submission', 'submitted')).toBe(true);
    expect(canFollow('submitted', 'active')).toBe(false);
    expect(canFollow('finished', 'submitted')).toBe(false);
    for (const end of ['finished', 'error', 'timeout', 'terminated'] as const) expect(TRANSITIONS[end]).toEqual([]);
    expect(['submitted', 'queued', 'active', 'terminate-queued'].every((s) => isInFlight(s as Job['status']))).toBe(true);
    expect(isInFlight('pre-submission')).toBe(false);
  });

  it('reads hh:mm:ss wall-clock limits', () => {
    expect(timeLimitMs('01:00:00')).toBe(HOUR);
    expect(timeLimitMs('00:00:30')).toBe(30_000);
    expect(timeLimitMs('100:30:15')).toBe(100 * HOUR + 30 * 60_000 + 15_000);
  });

  it('ends a run finished, in error part-way, or in timeout at the limit', () => {
    expect(runOutcome(plan({ runMs: 600_000 }), HOUR)).toEqual({ status: 'finished', afterMs: 600_000 });
    expect(runOutcome(plan({ runMs: 600_000, fails: true, failAt: 0.5 }), HOUR)).toEqual({ status: 'error', afterMs: 300_000 });
    expect(runOutcome(plan({ runMs: 2 * HOUR }), HOUR)).toEqual({ status: 'timeout', afterMs: HOUR });
    expect(runOutcome(plan({ runMs: 2 * HOUR, fails: true, failAt: 0.8 }), HOUR)).toEqual({ status: 'timeout', afterMs: HOUR });
  });

  it('plans a run from the seed and the job id alone', () => {
    expect(planRun(createRandom(1), 'RhCFP2WuehvG4hCLp')).toEqual(planRun(createRandom(1), 'RhCFP2WuehvG4hCLp'));
    expect(planRun(createRandom(1), 'RhCFP2WuehvG4hCLp')).not.toEqual(planRun(createRandom(2), 'RhCFP2WuehvG4hCLp'));
  });

  it('records what the platform sets at each step', () => {
    const job = freshJob();
    const p = plan({ rmsNumber: 4242, errorIndex: 1 });
    enterStatus(job, 'submitted', 10, p);
    enterStatus(job, 'queued', 20, p);
    expect(job.compute.cluster).toEqual({ fqdn: 'AWS-cluster-001', jid: '4242.AWS-cluster-001' });
    enterStatus(job, 'active', 30, p);
    expect(job.startTime).toBe(new Date(30).toISOString());
    enterStatus(job, 'error', 40, p);
    expect(job.compute.errors?.[0]).toMatchObject({ domain: 'rupy', reason: 'ConvergenceNotAchieved' });
    expect(job.statusTrack.map((t) => [t.status, t.trackedAt])).toEqual([['pre-submission', 1735560000000], ['submitted', 10], ['queued', 20], ['active', 30], ['error', 40]]);
    expect(job.updatedAt).toBe(new Date(40).toISOString());
  });

  it('moves a submitted job submitted → queued → active → end on the clock, each at its own time', () => {
    const clock = createClock();
    const store = createStore({ random: createRandom(1), clock, fixtures: false });
    const job = freshJob();
    putJob(store, job, clock.now());
    enterStatus(job, 'submitted', clock.now(), planRun(store.random, job._id));
    scheduleNext(store, job, clock.now());
    const p = planRun(store.random, job._id);
    advanceStore(store, clock.now() + p.queueAfterMs - 1);
    expect(job.status).toBe('submitted');
    advanceStore(store, clock.now() + p.queueAfterMs);
    expect(job.status).toBe('queued');
    advanceStore(store, clock.now() + p.queueAfterMs + p.startAfterMs);
    expect(job.status).toBe('active');
    advanceStore(store, clock.now() + 3 * HOUR);
    const end = runOutcome(p, HOUR);
    expect(job.status).toBe(end.status);
    expect(job.statusTrack.at(-1)!.trackedAt).toBe(clock.now() + p.queueAfterMs + p.startAfterMs + end.afterMs);
    expect(store.scheduler.size).toBe(0);
    expect(invariants(store)).toEqual([]);
  });

  it('times a job out at a limit shorter than any run', () => {
    const clock = createClock();
    const store = createStore({ random: createRandom(9), clock, fixtures: false });
    const job = freshJob('00:00:01');
    putJob(store, job, clock.now());
    enterStatus(job, 'submitted', clock.now(), planRun(store.random, job._id));
    scheduleNext(store, job, clock.now());
    advanceStore(store, clock.now() + HOUR);
    expect(job.status).toBe('timeout');
    const [, , queued, active, timeout] = job.statusTrack;
    expect(timeout!.trackedAt - active!.trackedAt).toBe(1000);
    expect(queued!.status).toBe('queued');
  });

  it('keeps fixture jobs in flight moving from load, so every in-flight job has one pending step', () => {
    const clock = createClock();
    const store = createStore({ random: createRandom(1), clock, fixtures: true });
    expect(invariants(store)).toEqual([]);
    const inFlight = [...store.jobs.values()].filter((j) => isInFlight(j.status)).map((j) => j._id);
    expect(inFlight.length).toBeGreaterThan(0);
    advanceStore(store, clock.now() + 48 * HOUR);
    for (const id of inFlight) expect(['finished', 'error', 'timeout', 'terminated']).toContain(store.jobs.get(id)!.status);
    expect(invariants(store)).toEqual([]);
  });

  it("is what the spec's x-jobs-kit-lifecycle on getJob documents (every stored status; deleted is never answered)", () => {
    const lifecycle = (spec as any).paths['/jobs/{id}'].get['x-jobs-kit-lifecycle'];
    const { deleted: _never, ...answered } = TRANSITIONS;
    expect(lifecycle.status).toBe('/data/status');
    expect(lifecycle.transitions).toEqual(answered);
    expect(lifecycle.deleting).toBeUndefined();
  });
});
