import { describe, expect, it } from 'vitest';
import { createEngineFromModules } from '../../engine/engine.js';
import type { MediaTypeObject, OpenApiDocument, RefObject } from '../../spec/openapi-types.js';
import { resolveObject } from '../../spec/resolve-ref.js';
import { indexSpec, type OperationSpec } from '../../spec/spec-index.js';
import iot from './index.js';

const spec = iot.spec as OpenApiDocument;
const operations = indexSpec('iot', spec).operations;
const alice = iot.auth.devCredentials()[0]!;

function example(examples: Record<string, unknown> | undefined, name: string): { found: boolean; value?: unknown } {
  const raw = examples?.[name] as RefObject | { value: unknown } | undefined;
  return raw === undefined ? { found: false } : { found: true, value: resolveObject<{ value: unknown }>(spec, raw).value };
}

/** Example names on the request side: parameters (path and query) and the JSON body. */
function requestNames(op: OperationSpec): string[] {
  const names = new Set<string>();
  for (const p of op.parameters) for (const n of Object.keys(p.examples ?? {})) names.add(n);
  for (const n of Object.keys(op.requestBody?.content['application/json']?.examples ?? {})) names.add(n);
  return [...names];
}

function expectedStatus(op: OperationSpec, name: string): number {
  const hit = Object.entries(op.responses).find(([, r]) => name in ((r.content?.['application/json'] as MediaTypeObject | undefined)?.examples ?? {}));
  if (!hit) throw new Error(`${op.operationId}: no response carries example "${name}"`);
  return Number(hit[0]);
}

function buildRequest(op: OperationSpec, name: string) {
  let path = op.path;
  const query = new URLSearchParams();
  for (const p of op.parameters) {
    const { found, value } = example(p.examples as Record<string, unknown>, name);
    if (p.in === 'path') {
      if (!found) throw new Error(`${op.operationId}: path parameter ${p.name} has no "${name}" example`);
      path = path.replace(`{${p.name}}`, encodeURIComponent(String(value)));
    } else if (p.in === 'query' && found) query.append(p.name, String(value));
  }
  const body = example(op.requestBody?.content['application/json']?.examples as Record<string, unknown>, name);
  return { path, rawQuery: query.toString(), bodyText: body.found ? JSON.stringify(body.value) : undefined };
}

describe("iot: the spec's named examples", () => {
  const engine = createEngineFromModules([iot], { seed: 1, clock: 'manual', validateResponses: 'throw' });
  const cases = operations.flatMap((op) => requestNames(op).map((name) => [op.operationId, name, op] as const));

  it('has 17 operations, each with a success example and an error example on both sides', () => {
    expect(operations).toHaveLength(17);
    for (const op of operations) {
      const statuses = requestNames(op).map((n) => expectedStatus(op, n));
      expect(statuses.some((s) => s === 200), op.operationId).toBe(true);
      expect(statuses.some((s) => s >= 400), op.operationId).toBe(true);
    }
  });

  it.each(cases)('%s: the "%s" request gets its documented status from a fresh mock as the first dev user', async (_id, name, op) => {
    engine.reset();
    const request = buildRequest(op, name);
    const headers: Record<string, string> = { ...alice.headers };
    if (request.bodyText !== undefined) headers['content-type'] = 'application/json';
    const response = await engine.handle('iot', { method: op.method, headers, ...request });
    const status = expectedStatus(op, name);
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    const documented = example((op.responses[String(status)]!.content!['application/json'] as MediaTypeObject).examples as Record<string, unknown>, name).value;
    expect(response.body, 'the body is the documented example').toEqual(documented);
    expect(engine.violations).toEqual([]);
  });

  it('documents GET success bodies with their members in the order the mock sends them', async () => {
    engine.reset();
    for (const op of operations.filter((o) => o.method === 'GET')) {
      const documented = example((op.responses['200']!.content!['application/json'] as MediaTypeObject).examples as Record<string, unknown>, 'success').value;
      const response = await engine.handle('iot', { method: 'GET', headers: alice.headers, ...buildRequest(op, 'success') });
      expect(JSON.stringify(response.body), op.operationId).toBe(JSON.stringify(documented));
    }
  });
});
