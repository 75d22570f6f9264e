import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JobRecord } from './model.js';
import { WorkspaceQueue } from './queue.js';

/** Only the fields the queue reads: the id, and whether the job still waits (kept in a set here). */
const job = (id: number) => ({ id }) as JobRecord;

describe('terrakube: workspace queue (the earliest unfinished job)', () => {
  it('answers the earliest job still waiting, skipping those that finished or left the store', () => {
    const waiting = new Set<JobRecord>();
    const queue = new WorkspaceQueue((j) => waiting.has(j));
    const [a, b, c] = [job(1), job(2), job(3)];
    for (const j of [a, b, c]) {
      waiting.add(j);
      queue.add(j);
    }
    expect(queue.head()).toBe(a);
    waiting.delete(a);
    expect(queue.head()).toBe(b);
    waiting.delete(c); // a later job finishing does not change the head
    expect(queue.head()).toBe(b);
    waiting.delete(b);
    expect(queue.head()).toBeUndefined();
  });

  it('refuses a job older than the last one, since the one-at-a-time rule depends on id order', () => {
    const queue = new WorkspaceQueue(() => true);
    queue.add(job(5));
    expect(() => queue.add(job(4))).toThrow(/job 4 entered the store after job 5/);
  });

  it('does not hold on to finished jobs behind a head that never finishes (bounded memory)', () => {
    const waiting = new Set<JobRecord>();
    const queue = new WorkspaceQueue((j) => waiting.has(j));
    const stuck = job(0);
    waiting.add(stuck);
    queue.add(stuck);
    for (let id = 1; id <= 100_000; id++) queue.add(job(id)); // each finishes (is cancelled) at once
    expect(queue.head()).toBe(stuck);
    expect((queue as unknown as { items: JobRecord[] }).items.length).toBeLessThanOrEqual(64 * 2);
  });

  it('agrees with a scan of every job for any sequence of adds, finishes and removals (model test)', () => {
    type Op = { op: 'add' } | { op: 'finish'; pick: number } | { op: 'head' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.constant({ op: 'add' as const }),
      fc.record({ op: fc.constant('finish' as const), pick: fc.nat() }),
      fc.constant({ op: 'head' as const }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const waiting = new Set<JobRecord>();
        const all: JobRecord[] = [];
        const queue = new WorkspaceQueue((j) => waiting.has(j));
        for (const o of ops) {
          if (o.op === 'add') {
            const j = job(all.length + 1);
            all.push(j);
            waiting.add(j);
            queue.add(j);
          } else if (o.op === 'finish' && all.length > 0) {
            waiting.delete(all[o.pick % all.length]!);
          } else {
            const scan = all.filter((j) => waiting.has(j)).sort((x, y) => x.id - y.id)[0];
            expect(queue.head()).toBe(scan);
          }
        }
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });
});
