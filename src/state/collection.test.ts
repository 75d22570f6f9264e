import { describe, expect, it } from 'vitest';
import { createCollection } from './collection.js';

const filled = (n: number) => {
  const c = createCollection<{ id: string; n: number }>();
  for (let i = 1; i <= n; i++) c.set(`k${i}`, { id: `k${i}`, n: i });
  return c;
};

describe('collection: ordered store with cursor paging', () => {
  it('pages through everything, each item exactly once, and ends', () => {
    const c = filled(23);
    const seen: number[] = [];
    let after: number | undefined;
    for (;;) {
      const page = c.page({ afterSeq: after, limit: 5 });
      seen.push(...page.items.map((i) => i.n));
      if (!page.hasMore) break;
      after = page.lastSeq;
    }
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
  });
  it('keeps a replaced record in its place', () => {
    const c = filled(3);
    c.set('k2', { id: 'k2', n: 20 });
    expect([...c.values()].map((v) => v.n)).toEqual([1, 20, 3]);
  });
  it('resumes correctly when records are deleted between pages, including many (compaction)', () => {
    const c = filled(300);
    const first = c.page({ limit: 10 });
    for (let i = 1; i <= 200; i++) if (i % 2 === 0 || i > 100) c.delete(`k${i}`);
    const next = c.page({ afterSeq: first.lastSeq, limit: 3 });
    expect(next.items.map((i) => i.n)).toEqual([11, 13, 15]);
    expect(c.size).toBe(150);
  });
  it('filters, offsets and reverses', () => {
    const c = filled(10);
    expect(c.page({ limit: 2, offset: 1, filter: (i) => i.n % 2 === 0 }).items.map((i) => i.n)).toEqual([4, 6]);
    expect(c.page({ limit: 3, reverse: true }).items.map((i) => i.n)).toEqual([10, 9, 8]);
    const last = c.page({ limit: 3, reverse: true });
    expect(c.page({ limit: 3, reverse: true, afterSeq: last.lastSeq }).items.map((i) => i.n)).toEqual([7, 6, 5]);
    expect(c.count((i) => i.n > 7)).toBe(3);
  });
  it('names the oldest keys first, and pages correctly after the oldest are deleted (eviction)', () => {
    const c = filled(200);
    expect(c.oldestKeys(3)).toEqual(['k1', 'k2', 'k3']);
    const cursor = c.page({ limit: 5 }).lastSeq; // after k5
    for (const key of c.oldestKeys(50)) c.delete(key);
    expect(c.size).toBe(150);
    expect(c.oldestKeys(2)).toEqual(['k51', 'k52']);
    expect(c.page({ limit: 2 }).items.map((v) => v.n)).toEqual([51, 52]);
    // A cursor minted before the eviction resumes at the oldest record still there.
    expect(c.page({ afterSeq: cursor, limit: 2 }).items.map((v) => v.n)).toEqual([51, 52]);
    expect(c.page({ afterSeq: 60, limit: 2, reverse: true }).items.map((v) => v.n)).toEqual([59, 58]);
    expect(c.page({ afterSeq: 52, limit: 5, reverse: true }).items.map((v) => v.n)).toEqual([51]);
    c.set('k1', { id: 'k1', n: 1 });
    expect(c.oldestKeys(1)).toEqual(['k51']);
    expect(c.page({ limit: 1, reverse: true }).items.map((v) => v.n)).toEqual([1]);
  });
});
