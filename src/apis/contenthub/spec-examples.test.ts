import { describe, expect, it } from 'vitest';
import { createEngineFromModules } from '../../engine/engine.js';
import type { MediaTypeObject, OpenApiDocument, ParameterObject, RefObject, ResponseObject } from '../../spec/openapi-types.js';
import { resolveObject } from '../../spec/resolve-ref.js';
import { indexSpec, type OperationSpec } from '../../spec/spec-index.js';
import { ALICE } from './auth.js';
import contenthub from './index.js';

const spec = contenthub.spec;
const operations = indexSpec('contenthub', spec).operations;

const exampleValue = (examples: Record<string, unknown> | undefined, name: string): { found: boolean; value?: unknown } => {
  const raw = examples?.[name] as RefObject | { value: unknown } | undefined;
  return raw === undefined ? { found: false } : { found: true, value: resolveObject<{ value: unknown }>(spec as OpenApiDocument, raw).value };
};

function requestNames(op: OperationSpec): string[] {
  const names = new Set<string>();
  for (const p of op.parameters) if (p.in === 'path') for (const n of Object.keys(p.examples ?? {})) names.add(n);
  for (const n of Object.keys(op.requestBody?.content['application/json']?.examples ?? {})) names.add(n);
  return [...names];
}

/** The status a named request should get: the response holding that example, else the body-less 2xx. */
function expectedStatus(op: OperationSpec, name: string): number {
  for (const [status, response] of Object.entries(op.responses)) {
    const media = (response as ResponseObject).content?.['application/json'] as MediaTypeObject | undefined;
    if (media?.examples && name in media.examples) return Number(status);
  }
  const bodiless = Object.entries(op.responses).find(([s, r]) => s.startsWith('2') && !(r as ResponseObject).content);
  if (!bodiless) throw new Error(`${op.operationId}: no response carries example "${name}"`);
  return Number(bodiless[0]);
}

function buildRequest(op: OperationSpec, name: string) {
  let path = op.path;
  const query = new URLSearchParams();
  for (const p of op.parameters as ParameterObject[]) {
    const { found, value } = exampleValue(p.examples as Record<string, unknown>, name);
    if (p.in === 'path') {
      if (!found) throw new Error(`${op.operationId}: path parameter ${p.name} has no "${name}" example`);
      path = path.replace(`{${p.name}}`, String(value));
    } else if (p.in === 'query' && found) for (const v of Array.isArray(value) ? value : [value]) query.append(p.name, String(v));
  }
  const body = exampleValue(op.requestBody?.content['application/json']?.examples as Record<string, unknown>, name);
  return { path, rawQuery: query.toString(), bodyText: body.found ? JSON.stringify(body.value) : undefined };
}

describe("contenthub: the spec's named examples", () => {
  const engine = createEngineFromModules([contenthub], { seed: 1, clock: 'manual', validateResponses: 'throw' });
  const cases = operations.flatMap((op) => requestNames(op).map((name) => [op.operationId, name, op] as const));

  it('covers every operation with a success example and an error example', () => {
    for (const op of operations) {
      const statuses = requestNames(op).map((n) => expectedStatus(op, n));
      expect(statuses.some((s) => s < 300), op.operationId).toBe(true);
      expect(statuses.some((s) => s >= 400), op.operationId).toBe(true);
    }
    expect(operations).toHaveLength(13);
  });

  it.each(cases)('%s: the "%s" request gets its documented status from a fresh mock as the first user', async (_id, name, op) => {
    engine.reset();
    const request = buildRequest(op, name);
    const headers: Record<string, string> = { authorization: `Bearer ${ALICE.token}` };
    if (request.bodyText !== undefined) headers['content-type'] = 'application/json';
    const response = await engine.handle('contenthub', { method: op.method, headers, ...request });
    expect(response.status, response.bodyText).toBe(expectedStatus(op, name));
    expect(engine.violations).toEqual([]);
  });
});
