import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_MODULES } from '../../src/apis/registry.js';
import { API_NAMES, type ApiName } from '../../src/core/api-module.js';
import type { MockRequest } from '../../src/core/http.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { createMockServer, type MockServer } from '../../src/doors/node-server.js';
import { createAdminApi } from '../../src/admin/admin-api.js';
import { indexSpec } from '../../src/spec/spec-index.js';
import { createRandom } from '../../src/state/random.js';
import { exampleRequests } from '../fuzz/spec-shaped.js';

const CLIENTS = 50;
const OPS_PER_CLIENT = 16;
const ENGINE = { seed: 11, clock: 'manual' as const, validateResponses: 'throw' as const, journalSize: 10_000 };

/** Every write the specs have examples for, on every API: they share ids, so concurrent clients collide on the same jobs. */
const writes = API_NAMES.flatMap((api) => {
  const module = BUILTIN_MODULES[api];
  const credential = module.auth.devCredentials()[0]!.headers;
  return exampleRequests(module.spec, indexSpec(api, module.spec))
    .filter((r) => r.method !== 'GET')
    .map((r) => ({ api, request: { ...r, headers: { ...credential, ...r.headers } } }));
});
const reads = API_NAMES.flatMap((api) => {
  const module = BUILTIN_MODULES[api];
  const credential = module.auth.devCredentials()[0]!.headers;
  return exampleRequests(module.spec, indexSpec(api, module.spec))
    .filter((r) => r.method === 'GET')
    .map((r) => ({ api, request: { ...r, headers: { ...credential, ...r.headers } } }));
});

interface Handled {
  api: ApiName;
  request: MockRequest;
  status: number;
}

let mock: MockServer;
let url: string;
const handled: Handled[] = [];
const sent = new Map<string, { api: ApiName; body: string | undefined; status?: number; text?: string }>();

async function send(id: string, api: ApiName, request: MockRequest) {
  const entry: { api: ApiName; body: string | undefined; status?: number; text?: string } = { api, body: request.bodyText };
  sent.set(id, entry);
  const res = await fetch(`${url}/${api}${request.path}${request.rawQuery ? `?${request.rawQuery}` : ''}`, { method: request.method, headers: { ...request.headers, 'x-op-id': id }, body: request.bodyText });
  entry.status = res.status;
  entry.text = await res.text();
  return entry;
}

beforeAll(async () => {
  mock = createMockServer({ ...ENGINE, onError: () => {} });
  mock.engine.onHandled((api, request, response) => handled.push({ api, request, status: response.status }));
  url = (await mock.listen(0)).url;
  const random = createRandom(20261123);
  const pick = <T>(list: T[]): T => list[Math.floor(random.next() * list.length)]!;
  // Three writes to one read, drawn up front so the run is the same every time (only the interleaving varies).
  const plans = Array.from({ length: CLIENTS }, () => Array.from({ length: OPS_PER_CLIENT }, () => pick(random.next() < 0.75 ? writes : reads)));
  await Promise.all(
    plans.map(async (plan, client) => {
      for (const [i, op] of plan.entries()) await send(`${client}-${i}`, op.api, op.request);
    }),
  );
}, 60_000);
afterAll(() => mock.close());

describe(`concurrency: ${CLIENTS} clients racing writes on the same jobs of all five APIs over a real socket`, () => {
  it('answers every request in spec (no 5xx: response validation is on), conflicts with a documented 409 in the API shape', () => {
    const statuses: Record<string, number> = {};
    for (const e of sent.values()) statuses[e.status!] = (statuses[e.status!] ?? 0) + 1;
    console.log(`[concurrency] ${sent.size} requests, statuses ${JSON.stringify(statuses)}`);
    expect([...sent.values()].filter((e) => e.status! >= 500).map((e) => `${e.api} ${e.status} ${e.text}`)).toEqual([]);
    expect(statuses['409'] ?? 0).toBeGreaterThan(0);
    expect(Object.keys(statuses).some((s) => s.startsWith('2'))).toBe(true);
  });

  it('hands every body to the engine whole: what each handler saw is byte-for-byte what its client sent (no torn writes)', () => {
    expect(handled.length).toBe(sent.size);
    const torn = handled.filter((h) => h.request.bodyText !== sent.get(h.request.headers['x-op-id']!)!.body);
    expect(torn.map((h) => h.request.headers['x-op-id'])).toEqual([]);
  });

  it('records every request in the journal (GET /__admin/requests) in the order the engine handled them', async () => {
    const { requests } = (await (await fetch(`${url}/__admin/requests`)).json()) as { requests: { method: string; path: string; status: number }[] };
    const ours = requests.slice(0, handled.length);
    expect(ours.map((r) => `${r.method} ${r.status}`)).toEqual(handled.map((h) => `${h.request.method} ${h.status}`));
  });

  it('ends in exactly the state the successful writes make when applied one by one in journal order (none lost, failed ones changed nothing)', async () => {
    const live = (await (await fetch(`${url}/__admin/state`)).json()) as { apis: unknown };
    const serial = createEngine({ ...ENGINE, onError: () => {} });
    const succeeded = handled.filter((h) => h.request.method !== 'GET' && h.status < 400);
    expect(succeeded.length).toBeGreaterThan(20);
    expect(new Set(succeeded.map((h) => h.api))).toEqual(new Set(API_NAMES));
    for (const h of succeeded) expect(serial.handleSync(h.api, h.request).status).toBe(h.status);
    expect(JSON.parse(JSON.stringify(createAdminApi(serial).state().apis))).toEqual(live.apis);
  });
});

describe('concurrency: a version race on one IoT job execution', () => {
  it('lets exactly one of 50 cancels carrying the same expectedVersion through; the rest get 409 VersionConflictException', async () => {
    const iot = BUILTIN_MODULES.iot;
    const headers = { ...iot.auth.devCredentials()[0]!.headers, 'content-type': 'application/json' };
    // A fresh job (the spec's createJob example) whose executions start QUEUED: one of them is raced on.
    const create = exampleRequests(iot.spec, indexSpec('iot', iot.spec)).find((r) => r.method === 'POST' && r.path === '/jobs')!;
    const created = (await (await fetch(`${url}/iot/jobs`, { method: 'POST', headers, body: create.bodyText })).json()) as { jobId: string };
    const executions = (await (await fetch(`${url}/iot/jobs-executions/jobs/${created.jobId}`, { headers })).json()) as { jobExecutions: { thingArn: string }[] };
    const thingName = executions.jobExecutions[0]!.thingArn.split('/').pop()!;
    const described = (await (await fetch(`${url}/iot/jobs/${created.jobId}/things/${thingName}`, { headers })).json()) as { execution: { versionNumber: number } };
    const target = { jobId: created.jobId, thingName, versionNumber: described.execution.versionNumber };
    const answers = await Promise.all(
      Array.from({ length: CLIENTS }, () =>
        fetch(`${url}/iot/jobs/${target.jobId}/things/${target.thingName}/cancel`, { method: 'PUT', headers, body: JSON.stringify({ expectedVersion: target.versionNumber }) }).then(async (r) => ({ status: r.status, type: r.headers.get('x-amzn-errortype'), body: await r.text() })),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.type}`)).toEqual(Array.from({ length: CLIENTS - 1 }, () => '409 VersionConflictException'));
  });
});
