import { describe, expect, it } from 'vitest';
import { createJournal } from './journal.js';

const entry = (path: string) => ({ at: 0, api: 'iot', method: 'GET', path, query: '', status: 200, operationId: undefined, durationMs: 0, principal: undefined });

describe('journal: bounded request log', () => {
  it('evicts the oldest entries first and counts evictions', () => {
    const j = createJournal(3);
    for (const p of ['/a', '/b', '/c', '/d', '/e']) j.record(entry(p));
    expect(j.list().map((e) => e.path)).toEqual(['/c', '/d', '/e']);
    expect(j.evicted).toBe(2);
    expect(j.size).toBe(3);
  });
  it('lists entries after an id, for live tails', () => {
    const j = createJournal(10);
    const first = j.record(entry('/a'));
    j.record(entry('/b'));
    expect(j.list({ since: first }).map((e) => e.path)).toEqual(['/b']);
  });
  it('gives back every field as recorded, with ids counting on across evictions', () => {
    const j = createJournal(2);
    const full = { at: 1_733_000_000_123, api: 'terrakube', method: 'POST', path: '/api/v1/job', query: 'page%5Bsize%5D=20', status: 201, operationId: 'createJob', durationMs: 0.125, principal: 'alice' };
    j.record(entry('/a'));
    j.record(full);
    const id = j.record({ ...full, status: 503, principal: undefined, operationId: undefined });
    expect(j.list()).toEqual([
      { id: id - 1, ...full },
      { id, ...full, status: 503, principal: undefined, operationId: undefined },
    ]);
    expect(j.list({ api: 'iot' })).toEqual([]);
    expect(j.list({ limit: 1 }).map((e) => e.id)).toEqual([id]);
  });
  it('starts empty again after clear, keeping its capacity and the next id', () => {
    const j = createJournal(2);
    j.record(entry('/a'));
    const before = j.record(entry('/b'));
    j.clear();
    expect(j.size).toBe(0);
    expect(j.list()).toEqual([]);
    expect(j.record(entry('/c'))).toBe(before + 1);
    expect(j.list().map((e) => e.path)).toEqual(['/c']);
  });
  it('keeps nothing with capacity 0 but still counts and numbers requests', () => {
    const j = createJournal(0);
    expect(j.record(entry('/a'))).toBe(1);
    expect(j.record(entry('/b'))).toBe(2);
    expect(j.list()).toEqual([]);
    expect(j.evicted).toBe(2);
  });
});
