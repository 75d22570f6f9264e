import { describe, expect, it } from 'vitest';
import { createEngineFromModules } from '../../engine/engine.js';
import type { MediaTypeObject, OpenApiDocument, RefObject } from '../../spec/openapi-types.js';
import { resolveObject } from '../../spec/resolve-ref.js';
import { indexSpec, type OperationSpec } from '../../spec/spec-index.js';
import exabyte from './index.js';

const spec = exabyte.spec as OpenApiDocument;
const operations = indexSpec('exabyte', spec).operations;
const alice = exabyte.auth.devCredentials()[0]!;

function example(examples: Record<string, unknown> | undefined, name: string): { found: boolean; value?: unknown } {
  const raw = examples?.[name] as RefObject | { value: unknown } | undefined;
  return raw === undefined ? { found: false } : { found: true, value: resolveObject<{ value: unknown }>(spec, raw).value };
}

function requestNames(op: OperationSpec): string[] {
  const names = new Set<string>();
  for (const p of op.parameters) for (const n of Object.keys(p.examples ?? {})) names.add(n);
  for (const media of Object.values(op.requestBody?.content ?? {})) for (const n of Object.keys(media.examples ?? {})) names.add(n);
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
    if (!found) throw new Error(`${op.operationId}: parameter ${p.name} has no "${name}" example`);
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(value)));
    else query.append(p.name, String(value));
  }
  const body = example(op.requestBody?.content['application/json']?.examples as Record<string, unknown>, name);
  return { path: `/api/v1${path}`, rawQuery: query.toString(), bodyText: body.found ? JSON.stringify(body.value) : undefined };
}

describe("exabyte: the spec's named examples", () => {
  const engine = createEngineFromModules([exabyte], { seed: 1, clock: 'manual', validateResponses: 'throw' });
  const cases = operations.flatMap((op) => requestNames(op).map((name) => [op.operationId, name, op] as const));

  it('has 9 operations, each with a success example and an error example on both sides', () => {
    expect(operations.map((o) => o.operationId).sort()).toEqual(['createJob', 'deleteJob', 'getJob', 'listJobs', 'login', 'putCreateJob', 'submitJob', 'submitJobAction', 'updateJob']);
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
    const response = await engine.handle('exabyte', { method: op.method, headers, ...request });
    expect(response.status, JSON.stringify(response.body)).toBe(expectedStatus(op, name));
    expect(engine.violations).toEqual([]);
  });

  it('the form-encoded login example (an object of fields, sent URL-encoded) logs in too', async () => {
    engine.reset();
    const form = example(operations.find((o) => o.operationId === 'login')!.requestBody!.content['application/x-www-form-urlencoded']!.examples as Record<string, unknown>, 'success');
    const bodyText = new URLSearchParams(form.value as Record<string, string>).toString();
    expect(bodyText).toBe('username=alice&password=alice-dev-password');
    const response = await engine.handle('exabyte', { method: 'POST', path: '/api/v1/login', rawQuery: '', headers: { 'content-type': 'application/x-www-form-urlencoded' }, bodyText });
    expect(response.status).toBe(200);
    expect(engine.violations).toEqual([]);
  });

  it.each([
    ['submitJob', 'POST', '/api/v1/jobs/Fq7dNw3KpT9xRm2Za', 'submit=true', 'SubmittedJob'],
    ['submitJobAction', 'POST', '/api/v1/jobs/Gt5hWq8MzR4nKp3Yb/submit', '', 'SubmittedJobViaClient'],
  ])("%s's success example is exactly what submitting its fixture job answers", async (_id, method, path, rawQuery, name) => {
    engine.reset();
    const documented = (spec.components!.examples![name] as { value: unknown }).value;
    const response = await engine.handle('exabyte', { method, path, rawQuery, headers: alice.headers, bodyText: undefined });
    expect(response.body).toEqual(documented);
  });

  it("gives each example that changes a job a job of its own, so they hold without resets between them", () => {
    const idOf = (operationId: string, param: string, name: string) =>
      example(operations.find((o) => o.operationId === operationId)!.parameters.find((p) => p.name === param)!.examples as Record<string, unknown>, name).value;
    const changed = [idOf('submitJob', 'id', 'success'), idOf('submitJobAction', 'id', 'success'), idOf('deleteJob', 'id', 'success')];
    const others = [idOf('getJob', 'id', 'success'), idOf('updateJob', 'id', 'success'), idOf('updateJob', 'id', 'invalidBody'), idOf('submitJob', 'id', 'alreadySubmitted')];
    expect(new Set(changed).size).toBe(changed.length);
    for (const id of changed) expect(others).not.toContain(id);
  });

  it("getJob's success example is exactly the fixture job its request names", async () => {
    engine.reset();
    const op = operations.find((o) => o.operationId === 'getJob')!;
    const documented = example((op.responses['200']!.content!['application/json'] as MediaTypeObject).examples as Record<string, unknown>, 'success').value;
    const response = await engine.handle('exabyte', { method: 'GET', headers: alice.headers, ...buildRequest(op, 'success') });
    expect(JSON.stringify(response.body)).toBe(JSON.stringify(documented));
  });
});
