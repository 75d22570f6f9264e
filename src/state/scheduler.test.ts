import { describe, expect, it } from 'vitest';
import { createScheduler } from './scheduler.js';

describe('scheduler: lifecycle events on the clock', () => {
  it('applies due events in time order, ties in scheduling order, and leaves later ones', () => {
    const s = createScheduler<string>();
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
    const s = createScheduler<number>();
    s.schedule(1, 1);
    const seen: number[] = [];
    s.runUntil(10, (e, at) => {
      seen.push(e);
      if (e < 3) s.schedule(at + 2, e + 1);
    });
    expect(seen).toEqual([1, 2, 3]);
  });
  it('cancels the pending events of one job', () => {
    const s = createScheduler<{ job: string }>();
    s.schedule(5, { job: 'a' });
    s.schedule(6, { job: 'b' });
    s.schedule(7, { job: 'a' });
    expect(s.cancel((e) => e.job === 'a')).toBe(2);
    expect(s.pending().map((p) => p.event.job)).toEqual(['b']);
  });
});
