import { describe, expect, it } from 'vitest';
import { BUILTIN_MODULES } from '../apis/registry.js';
import type { ApiModule, ApiName } from '../core/api-module.js';
import type { MockRequest } from '../core/http.js';
import type { ContentHubStore } from '../apis/contenthub/store.js';
import type { IotStore } from '../apis/iot/store.js';
import type { AlteryxStore } from '../apis/alteryx/store.js';
import type { ExabyteStore } from '../apis/exabyte/store.js';
import type { TerrakubeStore } from '../apis/terrakube/store.js';
import { createClock } from '../state/clock.js';
import { createRandom } from '../state/random.js';
import { basePathOf } from '../spec/spec-index.js';
import { createEngine } from './create-engine.js';

/** Per API: the stored jobs oldest first, and whatever still points at a job (must be empty for evicted ones). */
interface Probe<S> {
  jobs(store: S): string[];
  references(store: S, job: string): string[];
}

const pending = (scheduler: { pending(): ReadonlyArray<{ event: object }> }, match: (event: any) => boolean) =>
  scheduler.pending().filter((e) => match(e.event)).map((e) => `event ${JSON.stringify(e.event)}`);

const PROBES: { [A in ApiName]: Probe<any> } = {
  iot: {
    // Jobs and job templates are both records under the cap (clients create both).
    jobs: (store: IotStore) =>
      [...store.scopes.values()]
        .flatMap((scope) => [
          ...[...scope.jobs.values()].map((job) => ({ id: `${scope.key}|${job.jobId}`, at: job.createdAt })),
          ...[...scope.templates.values()].map((t) => ({ id: `${scope.key}|template ${t.jobTemplateId}`, at: t.createdAt })),
        ])
        .sort((a, b) => a.at - b.at)
        .map((j) => j.id),
    references: (store: IotStore, id) => {
      const [scopeKey, jobId] = id.split('|') as [string, string];
      if (jobId.startsWith('template ')) return store.scopes.get(scopeKey)!.templates.has(jobId.slice(9)) ? [`template ${jobId}`] : [];
      const scope = store.scopes.get(scopeKey)!;
      const links = [...scope.thingJobs].filter(([, jobs]) => jobs.has(jobId)).map(([thing]) => `thing ${thing}`);
      return [...links, ...pending(store.scheduler, (e) => e.scope === scopeKey && e.jobId === jobId)];
    },
  } satisfies Probe<IotStore>,
  terrakube: {
    jobs: (store: TerrakubeStore) => [...store.jobs.values()].map((j) => String(j.id)),
    references: (store: TerrakubeStore, id) => [
      ...[...store.steps.values()].filter((s) => String(s.jobId) === id).map((s) => `step ${s.id}`),
      ...pending(store.scheduler, (e) => String(e.jobId) === id),
    ],
  } satisfies Probe<TerrakubeStore>,
  alteryx: {
    jobs: (store: AlteryxStore) => [...store.jobs.values()].map((j) => j.job.id),
    references: (store: AlteryxStore, id) => pending(store.scheduler, (e) => e.jobId === id),
  } satisfies Probe<AlteryxStore>,
  exabyte: {
    jobs: (store: ExabyteStore) => [...store.jobs.values()].map((j) => j._id),
    references: (store: ExabyteStore, id) => pending(store.scheduler, (e) => e.jobId === id),
  } satisfies Probe<ExabyteStore>,
  contenthub: {
    jobs: (store: ContentHubStore) => [...store.jobs.keys()].map(String),
    references: (store: ContentHubStore, id) => [
      ...[...store.targetJobs].filter(([, job]) => String(job) === id).map(([target]) => `target ${target}`),
      ...[...store.identifiers].filter(([, entity]) => String(entity) === id).map(([identifier]) => `identifier ${identifier}`),
      ...pending(store.scheduler, (e) => String(e.jobId) === id),
    ],
  } satisfies Probe<ContentHubStore>,
};

describe('job capacity: each API evicts its oldest jobs with everything that hangs off them', () => {
  for (const [api, probe] of Object.entries(PROBES) as [ApiName, Probe<unknown>][]) {
    it(api, () => {
      const module = BUILTIN_MODULES[api] as ApiModule<unknown>;
      const clock = createClock({ mode: 'manual' });
      const store = module.createStore({ random: createRandom(1), clock, fixtures: true });
      const capacity = module.jobCapacity!;
      const before = probe.jobs(store);
      expect(before.length).toBeGreaterThanOrEqual(4);
      const counted = capacity.count(store);
      // contenthub counts jobs and their targets (clients create targets there); the others count jobs.
      expect(counted).toBe(api === 'contenthub' ? before.length + (store as ContentHubStore).targetJobs.size : before.length);

      const evicted = capacity.evictOldest(store, 3, clock.now());

      const after = probe.jobs(store);
      if (api === 'contenthub') expect(evicted).toBeGreaterThanOrEqual(3);
      else expect(evicted).toBe(3);
      expect(capacity.count(store)).toBe(counted - evicted);
      expect(after.length).toBeLessThan(before.length);
      expect(after, 'the oldest jobs went').toEqual(before.slice(before.length - after.length));
      for (const id of before.slice(0, before.length - after.length)) expect(probe.references(store, id)).toEqual([]);
      expect(module.invariants?.(store) ?? []).toEqual([]);
      // Lifecycles of the jobs that stay still run; nothing trips over the evicted ones.
      module.advance(store, clock.advance(48 * 3600_000));
      expect(module.invariants?.(store) ?? []).toEqual([]);
      const left = capacity.count(store); // lifecycles may have removed jobs themselves (iot deletions)
      expect(capacity.evictOldest(store, 10_000, clock.now())).toBe(left);
      expect(capacity.count(store)).toBe(0);
    });
  }
});

describe('job capacity: the engine keeps every store within maxJobs', () => {
  const CREATES: Partial<Record<ApiName, { path: string; contentType: string; body(n: number): string; get(body: any): string }>> = {
    iot: {
      path: '/jobs',
      contentType: 'application/json',
      body: (n) => JSON.stringify({ jobId: `cap-${n}`, targets: ['arn:aws:iot:us-east-1:123456789012:thing/thermostat-lobby-01'], document: '{}' }),
      get: (body) => `/jobs/${body.jobId}`,
    },
    terrakube: {
      path: '/workspace/91457dc2-caa4-41b8-bfa8-fcd182e64ee0/job',
      contentType: 'application/vnd.api+json',
      body: () => JSON.stringify({ data: { type: 'job', attributes: { command: 'plan' } } }),
      get: (body) => `/workspace/91457dc2-caa4-41b8-bfa8-fcd182e64ee0/job/${body.data.id}`,
    },
  };
  it('iot: job templates count against the cap, so creating templates under load cannot grow the store', () => {
    const engine = createEngine({ apis: ['iot'], maxJobs: 50, validateResponses: 'throw' });
    const headers = Object.fromEntries(Object.entries(engine.module('iot').auth.devCredentials()[0]!.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const create = (n: number) =>
      engine.handleSync('iot', {
        method: 'POST',
        path: '/job-templates',
        rawQuery: '',
        headers: { ...headers, 'content-type': 'application/json' },
        bodyText: JSON.stringify({ jobTemplateId: `tpl-${n}`, description: `template ${n}`, document: '{}' }),
      });
    const describe = (n: number) => engine.handleSync('iot', { method: 'GET', path: `/job-templates/tpl-${n}`, rawQuery: '', headers, bodyText: '' });
    const before = engine.storeStats().iot!;
    for (let n = 1; n <= 200; n++) {
      const response = create(n);
      expect(response.status, response.bodyText).toBe(200);
      expect(engine.storeStats().iot!.jobs).toBeLessThanOrEqual(50);
    }
    const after = engine.storeStats().iot!;
    expect(after.jobs! + after.evicted).toBe(before.jobs! + 200);
    expect(describe(200).status).toBe(200);
    expect(describe(1).status, 'the oldest template went first').toBe(404);
    expect(engine.module('iot').invariants?.(engine.store('iot')) ?? []).toEqual([]);
  });

  for (const [api, create] of Object.entries(CREATES) as [ApiName, NonNullable<(typeof CREATES)[ApiName]>][]) {
    it(`${api}: writes past the cap evict the oldest first, and the count shows in storeStats`, () => {
      const engine = createEngine({ apis: [api], maxJobs: 50, validateResponses: 'throw' });
      const module = engine.module(api);
      const headers = Object.fromEntries(Object.entries(module.auth.devCredentials()[0]!.headers).map(([k, v]) => [k.toLowerCase(), v]));
      const prefix = basePathOf(module.spec);
      const request = (method: string, path: string, bodyText = ''): MockRequest => ({
        method,
        path: `${prefix}${path}`,
        rawQuery: '',
        headers: bodyText ? { ...headers, 'content-type': create.contentType } : headers,
        bodyText,
      });
      const fixtureJobs = engine.storeStats()[api]!.jobs!;
      const created: string[] = [];
      for (let n = 1; n <= 120; n++) {
        const response = engine.handleSync(api, request('POST', create.path, create.body(n)));
        expect(response.status, response.bodyText).toBeLessThan(300);
        created.push(create.get(JSON.parse(response.bodyText!)));
        expect(engine.storeStats()[api]!.jobs).toBeLessThanOrEqual(50);
      }
      const stats = engine.storeStats()[api]!;
      expect(stats.capacity).toBe(50);
      expect(stats.jobs! + stats.evicted).toBe(fixtureJobs + 120);
      expect(engine.handleSync(api, request('GET', created.at(-1)!)).status).toBe(200);
      expect(engine.handleSync(api, request('GET', created[0]!)).status).toBe(404);
      expect(module.invariants?.(engine.store(api)) ?? []).toEqual([]);
      engine.reset();
      expect(engine.storeStats()[api]).toEqual({ jobs: fixtureJobs, capacity: 50, evicted: 0 });
    });
  }

  it('refuses a cap below one job', () => {
    expect(() => createEngine({ apis: ['iot'], maxJobs: 0 })).toThrow(/maxJobs/);
  });
});
