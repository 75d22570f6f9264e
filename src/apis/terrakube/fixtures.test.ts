import { describe, expect, it } from 'vitest';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import generated from '../../generated/terrakube.fixtures.js';
import { invariants } from './admin.js';
import { buildFixtures } from './fixtures.js';
import { isFinished } from './model.js';
import { createStore, jobsOfWorkspace } from './store.js';

const LIFECYCLE = ['pending', 'queue', 'running', 'waitingApproval', 'approved', 'completed', 'failed', 'rejected', 'cancelled'];

describe('terrakube: fixtures', () => {
  it('are the same for the same seed and differ in their drawn details for another', () => {
    expect(JSON.stringify(buildFixtures(1))).toBe(JSON.stringify(buildFixtures(1)));
    const [a, b] = [buildFixtures(1)['jobs.json']!.items, buildFixtures(2)['jobs.json']!.items] as { id: string; attributes: { status: string; commitId: string } }[][];
    expect(a!.map((j) => j.attributes.status)).toEqual(b!.map((j) => j.attributes.status));
    expect(a!.map((j) => j.attributes.commitId)).not.toEqual(b!.map((j) => j.attributes.commitId));
  });

  it('match the committed fixtures module (seed 1)', () => {
    const built = Object.fromEntries(Object.entries(buildFixtures(1)).map(([name, file]) => [name, JSON.parse(JSON.stringify(file.items))]));
    expect(built).toEqual(generated);
  });

  it('cover every status of the lifecycle, in a store that keeps its invariants', () => {
    const store = createStore({ random: createRandom(1), clock: createClock(), fixtures: true });
    const statuses = new Set([...store.jobs.values()].map((j) => j.status));
    expect(LIFECYCLE.filter((s) => !statuses.has(s as never))).toEqual([]);
    expect(store.jobs.size).toBe(40);
    expect(store.nextJobId).toBe(41);
    expect(invariants(store)).toEqual([]);
  });

  it('run at most one job past pending per workspace, and leave sandbox-dev idle', () => {
    const store = createStore({ random: createRandom(1), clock: createClock(), fixtures: true });
    for (const ws of store.workspaces.values()) {
      const active = jobsOfWorkspace(store, ws.id).filter((j) => !isFinished(j.status) && j.status !== 'pending');
      expect(active.length, ws.name).toBeLessThanOrEqual(1);
      if (ws.name === 'sandbox-dev') expect(jobsOfWorkspace(store, ws.id).every((j) => isFinished(j.status))).toBe(true);
    }
  });

  it('shift every time to a real-time clock, so jobs in flight do not expire on the first request', () => {
    const later = Date.UTC(2026, 5, 1);
    const store = createStore({ random: createRandom(1), clock: createClock({ mode: 'real', start: later, wallNow: () => later }), fixtures: true });
    expect(store.jobs.get('33')!.createdDate).toBe(later - 32 * 60_000);
  });
});
