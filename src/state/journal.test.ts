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
    expect(j.list({ since: first.id }).map((e) => e.path)).toEqual(['/b']);
  });
});
