import { describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { invariants, seed, snapshot } from './admin.js';
import { WS } from './catalog.js';
import { createStore } from './store.js';

const fresh = () => createStore({ random: createRandom(1), clock: createClock(), fixtures: true });
const clock = { now: () => Date.UTC(2025, 0, 1) };
const jobDoc = (id: string, attributes: Record<string, unknown> = {}) => ({
  type: 'job',
  id,
  attributes: { status: 'pending', createdDate: '2025-01-01T00:00Z', ...attributes },
  relationships: { workspace: { data: { type: 'workspace', id: WS.sandbox } } },
});

describe('terrakube: admin seed, snapshot and invariants', () => {
  it('loads API-shaped jobs posted to /__admin/seed and puts them on the clock', () => {
    const store = fresh();
    expect(seed(store, { jobs: [jobDoc('100', { command: 'plan' })] }, { clock })).toEqual({ loaded: 1 });
    expect(store.jobs.get('100')).toMatchObject({ status: 'pending', command: 'plan', via: 'UI', refresh: true });
    expect(store.nextJobId).toBe(101);
    expect(store.scheduler.pending().some((e) => e.event.jobId === 100)).toBe(true);
  });

  it('refuses bad seed data with a message naming the file, the item and the field', () => {
    const store = fresh();
    const message = (data: unknown) => {
      const result = seed(store, data, { clock });
      return isApiError(result) ? `${result.code}: ${result.message}` : 'accepted';
    };
    expect(message([])).toMatch(/^validation_failed: seed data must be an object/);
    expect(message({ runs: [] })).toMatch(/unknown seed file "runs"/);
    expect(message({ jobs: [jobDoc('abc')] })).toBe('validation_failed: jobs item 0: id must be a positive integer (as a string)');
    expect(message({ jobs: [jobDoc('5')] })).toBe('validation_failed: jobs item 0: job 5 is already loaded');
    expect(message({ jobs: [jobDoc('200', { status: 'done' })] })).toMatch(/attributes.status must be one of/);
    expect(message({ jobs: [{ ...jobDoc('200'), relationships: {} }] })).toBe('validation_failed: jobs item 0: relationships.workspace must name a loaded workspace');
    expect(message({ organizations: [{ type: 'organization', id: 'nope' }] })).toBe('validation_failed: organizations item 0: id must be a UUID');
  });

  it('snapshots the store as plain JSON', () => {
    const picture = JSON.parse(JSON.stringify(snapshot(fresh()))) as { jobs: unknown[]; workspaces: unknown[]; nextJobId: number };
    expect(picture.jobs).toHaveLength(40);
    expect(picture.workspaces).toHaveLength(8);
    expect(picture.nextJobId).toBe(41);
  });

  it('reports a job in a state its lifecycle cannot reach', () => {
    const store = fresh();
    store.jobs.get('6')!.status = 'running';
    store.jobs.get('34')!.status = 'queue';
    expect(invariants(store)).toEqual([
      'job 6: running with 0 running steps',
      'job 34: queue while earlier job 33 of its workspace is unfinished',
    ]);
  });
});
