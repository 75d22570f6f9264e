import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODULES } from '../../src/apis/registry.js';
import type { ApiName } from '../../src/core/api-module.js';
import type { MockRequest } from '../../src/core/http.js';
import { paramExample } from '../../src/contract/build-request.js';
import { createEngine } from '../../src/engine/create-engine.js';
import type { Engine } from '../../src/engine/engine.js';
import { indexSpec } from '../../src/spec/spec-index.js';
import { exampleRequests, exampleRequestsByOperation } from '../fuzz/spec-shaped.js';

/**
 * Isolation as non-interference: user A's answers must not depend on what user B (in another account,
 * organization or ownership scope) has done. Two engines start identical; in one, B writes (the spec's
 * example writes, sent as B). Then A's reads (every list and get, with every documented filter, include
 * and projection example, with B's ids in every path parameter and B's paging tokens in every query
 * parameter) must be answered byte for byte the same by both engines.
 */
const PAIRS: { api: ApiName; a: number; b: number; scope: string }[] = [
  { api: 'iot', a: 0, b: 2, scope: 'alice (account 123456789012) vs carol (account 210987654321)' },
  { api: 'exabyte', a: 0, b: 1, scope: 'alice vs bob (accounts)' },
  { api: 'alteryx', a: 1, b: 2, scope: 'bob vs carol (plain users: own jobs only)' },
  { api: 'contenthub', a: 1, b: 0, scope: 'bob vs alice (job permissions)' },
  { api: 'terrakube', a: 1, b: 0, scope: 'bob (data-science) vs alice (platform-engineering)' },
];

const ENGINE = { seed: 5, clock: 'manual' as const, validateResponses: 'throw' as const, onError: () => {} };

function as(engine: Engine, api: ApiName, user: number, request: MockRequest) {
  const headers = { ...engine.module(api).auth.devCredentials()[user]!.headers, ...request.headers };
  return engine.handleSync(api, { ...request, headers });
}

/** String values of a JSON body: ids, tokens and links B's answers carried. */
function stringsIn(text: string | undefined): string[] {
  if (!text) return [];
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length >= 4 && v.length <= 200 && !/\s/.test(v)) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  try {
    walk(JSON.parse(text));
  } catch {
    // not JSON: nothing to mine
  }
  return [...out];
}

/**
 * Writes B can make on its own things where the spec's examples name someone else's: Alteryx enqueues on
 * B's own workflows (from the committed fixtures) and on a shared one.
 */
function ownWrites(api: ApiName, principal: string): MockRequest[] {
  if (api !== 'alteryx') return [];
  const workflows = JSON.parse(readFileSync(new URL('../../fixtures/alteryx/workflows.json', import.meta.url), 'utf8')) as { id: string; ownerId: string; isShared: boolean }[];
  const module = BUILTIN_MODULES.alteryx;
  const enqueue = exampleRequestsByOperation(module.spec, indexSpec(api, module.spec)).find((e) => e.operationId === 'workflowsEnqueue')!.request;
  const usable = [...workflows.filter((w) => w.ownerId === principal), ...workflows.filter((w) => w.isShared && w.ownerId !== principal).slice(0, 1)];
  expect(usable.length).toBeGreaterThan(1);
  return usable.map((w) => ({ ...enqueue, path: enqueue.path.replace(/workflows\/[^/]+/, `workflows/${w.id}`) }));
}

/** Every list asked for pages of one (any query parameter that sets a page size). */
function onePerPage(api: ApiName): MockRequest[] {
  const module = BUILTIN_MODULES[api];
  const index = indexSpec(api, module.spec);
  const examples = new Map(exampleRequestsByOperation(module.spec, index).map((e) => [e.operationId, e.request]));
  return index.operations.flatMap((operation) => {
    const base = examples.get(operation.operationId);
    const size = operation.parameters.find((p) => p.in === 'query' && /^(limit|maxResults|page\[size\]|pageSize|per_page|take)$/i.test(p.name));
    return base && size && operation.method.toUpperCase() === 'GET' ? [{ ...base, rawQuery: `${encodeURIComponent(size.name)}=1` }] : [];
  });
}

function probes(api: ApiName, bStrings: string[]): MockRequest[] {
  const module = BUILTIN_MODULES[api];
  const index = indexSpec(api, module.spec);
  const examples = new Map(exampleRequestsByOperation(module.spec, index).map((e) => [e.operationId, e.request]));
  const out: MockRequest[] = [];
  for (const operation of index.operations.filter((o) => o.method.toUpperCase() === 'GET')) {
    const base = examples.get(operation.operationId);
    if (!base) continue;
    out.push(base);
    const withQuery = (name: string, value: string): MockRequest => ({ ...base, rawQuery: `${base.rawQuery ? `${base.rawQuery}&` : ''}${encodeURIComponent(name)}=${encodeURIComponent(value)}` });
    for (const param of operation.parameters.filter((p) => p.in === 'query')) {
      // Every documented example of the parameter (filters, includes, projections, page sizes) on its own.
      const values = Object.keys(param.examples ?? {}).map((name) => paramExample(module.spec, param, name)).filter((e) => e.found).map((e) => e.value);
      if (param.example !== undefined) values.push(param.example);
      for (const value of values) out.push({ ...base, rawQuery: `${encodeURIComponent(param.name)}=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}` });
      // B's strings as the parameter: paging tokens minted for B, B's ids as filter values.
      for (const value of bStrings) out.push(withQuery(param.name, value));
    }
    // B's strings in each path parameter (the others as in the example): B's jobs by id.
    const template = (index.basePath + operation.path).split('/');
    const concrete = base.path.split('/');
    for (const p of operation.parameters.filter((x) => x.in === 'path')) {
      for (const value of bStrings) {
        const path = template.map((segment, i) => (segment === `{${p.name}}` ? encodeURIComponent(value) : concrete[i]!)).join('/');
        out.push({ ...base, path });
      }
    }
  }
  return out;
}

for (const { api, a, b, scope } of PAIRS) {
  describe(`isolation: ${api}, ${scope}`, () => {
    it(`A's reads are the same whatever B has done (get, list, filters, includes, projections, B's ids and paging tokens)`, () => {
      const quiet = createEngine(ENGINE);
      const busy = createEngine(ENGINE);
      const module = BUILTIN_MODULES[api];
      const all = exampleRequests(module.spec, indexSpec(api, module.spec));
      // B writes in one engine only, and reads there (to mint tokens and learn ids).
      const bAnswers: string[] = [];
      let bWrote = 0;
      for (const request of [...all.filter((r) => r.method !== 'GET'), ...ownWrites(api, BUILTIN_MODULES[api].auth.devCredentials()[b]!.principal.id)]) {
        const res = as(busy, api, b, request);
        if (res.status < 300) bWrote++;
        bAnswers.push(...stringsIn(res.bodyText));
      }
      // Pages of one item, so B's lists mint paging tokens for A to replay.
      for (const request of [...all.filter((r) => r.method === 'GET'), ...onePerPage(api)]) bAnswers.push(...stringsIn(as(busy, api, b, request).bodyText));
      // Strings A can see anyway (its own data, shared catalogues) say nothing about B.
      const aSees = new Set(all.filter((r) => r.method === 'GET').flatMap((r) => stringsIn(as(quiet, api, a, r).bodyText)));
      const bOnly = [...new Set(bAnswers)].filter((s) => !aSees.has(s)).slice(0, 60);
      expect(bWrote, `B's example writes must land for the test to mean anything`).toBeGreaterThan(0);
      // ...and change what B sees, or A's answers staying the same proves nothing.
      const bViewChanged = probes(api, bOnly).some((r) => as(quiet, api, b, r).bodyText !== as(busy, api, b, r).bodyText);
      expect(bViewChanged, "B's writes must change B's own view").toBe(true);

      const differing: string[] = [];
      const requests = probes(api, bOnly);
      for (const request of requests) {
        const one = as(quiet, api, a, request);
        const two = as(busy, api, a, request);
        if (one.status !== two.status || one.bodyText !== two.bodyText) {
          differing.push(`${request.method} ${request.path}?${request.rawQuery}: ${one.status} ${one.bodyText?.slice(0, 120)} ≠ ${two.status} ${two.bodyText?.slice(0, 160)}`);
        }
      }
      console.log(`[isolation] ${api}: ${requests.length} reads by A compared, ${bWrote} writes by B, ${bOnly.length} of B's ids/tokens tried`);
      expect(requests.length).toBeGreaterThan(20);
      expect(differing.slice(0, 5)).toEqual([]);
    });
  });
}
