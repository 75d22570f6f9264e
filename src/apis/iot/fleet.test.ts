import { describe, expect, it } from 'vitest';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { advanceFleet, rollFate } from './fleet.js';
import { createIotStore, type JobRecord } from './store.js';

const store = () => createIotStore({ random: createRandom(1), clock: createClock(), fixtures: true });
const someJob = { jobArn: 'arn:aws:iot:us-east-1:123456789012:job/j' } as JobRecord;

describe('iot: device fates', () => {
  it('are drawn per execution attempt, independent of the order they are drawn in', () => {
    const s = store();
    const a = rollFate(s, someJob, { thingName: 'a', executionNumber: 1, retryAttempt: 0 }, false);
    rollFate(s, someJob, { thingName: 'b', executionNumber: 1, retryAttempt: 0 }, false);
    expect(rollFate(s, someJob, { thingName: 'a', executionNumber: 1, retryAttempt: 0 }, false)).toEqual(a);
    expect(rollFate(s, someJob, { thingName: 'a', executionNumber: 1, retryAttempt: 1 }, false)).not.toEqual(a);
  });

  it('mostly succeed, with a share of rejections and failures, and leave groups only when they can', () => {
    const s = store();
    const fates = Array.from({ length: 2000 }, (_, i) => rollFate(s, someJob, { thingName: `t${i}`, executionNumber: 1, retryAttempt: 0 }, i % 2 === 0));
    const share = (p: (f: (typeof fates)[number]) => boolean) => fates.filter(p).length / fates.length;
    expect(share((f) => f.response === 'run' && f.outcome === 'SUCCEEDED')).toBeGreaterThan(0.7);
    expect(share((f) => f.response === 'reject')).toBeGreaterThan(0.03);
    expect(share((f) => f.response === 'run' && f.outcome === 'FAILED')).toBeGreaterThan(0.05);
    expect(fates.filter((f, i) => i % 2 === 1 && f.response === 'leave-group')).toEqual([]);
    expect(share((f) => f.response === 'leave-group')).toBeGreaterThan(0);
    expect(fates.every((f) => f.pickupMs >= 5000 && f.runMs >= 60_000)).toBe(true);
  });
});

describe('iot: the fleet on the clock', () => {
  it('finishes the fixtures open executions and then has nothing left to do', () => {
    const s = store();
    const rollout = [...s.scopes.values()][0]!.jobs.get('firmware-rollout-2025-01')!;
    expect(rollout.counts.QUEUED + rollout.counts.IN_PROGRESS).toBe(2);
    advanceFleet(s, s.clock.now() + 24 * 3_600_000);
    expect(rollout.status).toBe('COMPLETED');
    const open = [...s.scopes.values()].flatMap((scope) => [...scope.jobs.values()]).filter((j) => j.targetSelection === 'SNAPSHOT' && j.status === 'IN_PROGRESS');
    expect(open).toEqual([]);
    expect(s.scheduler.size).toBe(0);
  });

  it('removes jobs being deleted when their deletion time comes', () => {
    const s = store();
    const deleting = () => [...s.scopes.values()].flatMap((scope) => [...scope.jobs.values()]).filter((j) => j.status === 'DELETION_IN_PROGRESS');
    expect(deleting().length).toBeGreaterThan(0);
    const last = Math.max(...deleting().map((j) => j.purgeAt!));
    advanceFleet(s, last - 1);
    expect(deleting().length).toBeGreaterThan(0);
    advanceFleet(s, last);
    expect(deleting()).toEqual([]);
  });
});
