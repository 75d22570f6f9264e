import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScheduler } from './scheduler.js';

const byItself = <T>(e: T) => e;

describe('scheduler: lifecycle events on the clock', () => {
  it('applies due events in time order, ties in scheduling order, and leaves later ones', () => {
    const s = createScheduler<string, string>(byItself);
    s.schedule(30, 'c');
    s.schedule(10, 'a');
    s.schedule(10, 'b');
    s.schedule(99, 'z');
    const seen: string[] = [];
    expect(s.runUntil(30, (e) => seen.push(e))).toBe(3);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(s.nextAt()).toBe(99);
  });

  it('runs events scheduled by an event when they are already due', () => {
    const s = createScheduler<number, number>(() => 0);
    s.schedule(1, 1);
    const seen: number[] = [];
    s.runUntil(10, (e, at) => {
      seen.push(e);
      if (e < 3) s.schedule(at + 2, e + 1);
    });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('cancels the pending events of one job, and only the ones that match when asked', () => {
    const s = createScheduler<{ job: string; kind: string }, string>((e) => e.job);
    s.schedule(5, { job: 'a', kind: 'start' });
    s.schedule(6, { job: 'b', kind: 'start' });
    s.schedule(7, { job: 'a', kind: 'finish' });
    s.schedule(8, { job: 'a', kind: 'purge' });
    expect(s.cancelOwned(['a'], (e) => e.kind !== 'purge')).toBe(2);
    expect(s.pending().map((p) => `${p.event.job}:${p.event.kind}`)).toEqual(['b:start', 'a:purge']);
    expect(s.size).toBe(2);
    expect(s.cancelOwned(['a', 'unknown'])).toBe(1);
    expect(s.pending().map((p) => p.event.job)).toEqual(['b']);
  });

  it('never runs, counts or reports a cancelled event, even when it was the next one due', () => {
    const s = createScheduler<string, string>(byItself);
    s.schedule(1, 'first');
    s.schedule(2, 'second');
    s.cancelOwned(['first']);
    expect(s.nextAt()).toBe(2);
    expect(s.size).toBe(1);
    const seen: string[] = [];
    expect(s.runUntil(10, (e) => seen.push(e))).toBe(1);
    expect(seen).toEqual(['second']);
    expect(s.nextAt()).toBe(Infinity);
  });

  it('lets an applied event cancel a later one of the same run', () => {
    const s = createScheduler<{ job: string; n: number }, string>((e) => e.job);
    s.schedule(1, { job: 'a', n: 1 });
    s.schedule(2, { job: 'b', n: 2 });
    s.schedule(3, { job: 'b', n: 3 });
    const seen: number[] = [];
    s.runUntil(10, (e) => {
      seen.push(e.n);
      if (e.n === 1) s.cancelOwned(['b']);
    });
    expect(seen).toEqual([1]);
    expect(s.size).toBe(0);
  });

  it('keeps order and counts once most of a large queue was cancelled (the sweep of dead events)', () => {
    const s = createScheduler<number, number>(byItself);
    for (let job = 0; job < 1000; job++) s.schedule(1000 - job, job);
    expect(s.cancelOwned(Array.from({ length: 900 }, (_, i) => i + 50))).toBe(900);
    expect(s.size).toBe(100);
    expect(s.nextAt()).toBe(1000 - 999);
    const seen: number[] = [];
    s.runUntil(2000, (e) => seen.push(e));
    expect(seen).toEqual([...Array.from({ length: 50 }, (_, i) => 999 - i), ...Array.from({ length: 50 }, (_, i) => 49 - i)]);
  });

  // The index by owner is an optimisation: whatever the sequence, the queue must behave exactly like a
  // plain list that is filtered on cancel and sorted on run.
  it('behaves like a plain filtered list under any sequence of schedules, cancels and runs', () => {
    type Op = { op: 'schedule'; at: number; job: number } | { op: 'cancel'; jobs: number[]; odd: boolean } | { op: 'run'; until: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant('schedule' as const), at: fc.integer({ min: 0, max: 200 }), job: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ op: fc.constant('cancel' as const), jobs: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }), odd: fc.boolean() }),
      fc.record({ op: fc.constant('run' as const), until: fc.integer({ min: 0, max: 200 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        type Ev = { job: number; id: number };
        const s = createScheduler<Ev, number>((e) => e.job);
        let model: { at: number; seq: number; event: Ev }[] = [];
        let seq = 0;
        for (const o of ops) {
          if (o.op === 'schedule') {
            const event = { job: o.job, id: seq };
            s.schedule(o.at, event);
            model.push({ at: o.at, seq: seq++, event });
          } else if (o.op === 'cancel') {
            const match = o.odd ? (e: Ev) => e.id % 2 === 1 : undefined;
            const dropped = model.filter((m) => o.jobs.includes(m.event.job) && (!match || match(m.event)));
            model = model.filter((m) => !dropped.includes(m));
            expect(s.cancelOwned(o.jobs, match)).toBe(dropped.length);
          } else {
            const due = model.filter((m) => m.at <= o.until).sort((x, y) => x.at - y.at || x.seq - y.seq);
            model = model.filter((m) => m.at > o.until);
            const seen: number[] = [];
            s.runUntil(o.until, (e) => seen.push(e.id));
            expect(seen).toEqual(due.map((m) => m.event.id));
          }
          expect(s.size).toBe(model.length);
          expect(s.nextAt()).toBe(model.length === 0 ? Infinity : Math.min(...model.map((m) => m.at)));
        }
        const sorted = [...model].sort((x, y) => x.at - y.at || x.seq - y.seq);
        expect(s.pending().map((p) => p.event.id)).toEqual(sorted.map((m) => m.event.id));
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });
});
