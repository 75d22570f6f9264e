import { describe, expect, it } from 'vitest';
import { documentedExample, exampleRequest } from '../../../test/support/named-examples.js';
import { createEngineFromModules } from '../../engine/engine.js';
import type { OpenApiDocument, RefObject } from '../../spec/openapi-types.js';
import { resolveObject } from '../../spec/resolve-ref.js';
import { indexSpec } from '../../spec/spec-index.js';
import exabyte from './index.js';

const spec = exabyte.spec as OpenApiDocument;
const operations = indexSpec('exabyte', spec).operations;
const alice = exabyte.auth.devCredentials()[0]!;
const operation = (operationId: string) => operations.find((o) => o.operationId === operationId)!;

function example(examples: Record<string, unknown> | undefined, name: string): { value?: unknown } {
  return resolveObject<{ value: unknown }>(spec, examples?.[name] as RefObject | { value: unknown });
}

// Each named request getting its documented status is checked by the contract runner
// (test/contract/builtin-apis.test.ts); these pin what exabyte's examples promise beyond that.
describe("exabyte: the spec's named examples", () => {
  const engine = createEngineFromModules([exabyte], { seed: 1, clock: 'manual', validateResponses: 'throw' });

  it('the form-encoded login example (an object of fields, sent URL-encoded) logs in too', async () => {
    engine.reset();
    const form = example(operation('login').requestBody!.content['application/x-www-form-urlencoded']!.examples as Record<string, unknown>, 'success');
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
      example(operation(operationId).parameters.find((p) => p.name === param)!.examples as Record<string, unknown>, name).value;
    const changed = [idOf('submitJob', 'id', 'success'), idOf('submitJobAction', 'id', 'success'), idOf('deleteJob', 'id', 'success')];
    const others = [idOf('getJob', 'id', 'success'), idOf('updateJob', 'id', 'success'), idOf('updateJob', 'id', 'invalidBody'), idOf('submitJob', 'id', 'alreadySubmitted')];
    expect(new Set(changed).size).toBe(changed.length);
    for (const id of changed) expect(others).not.toContain(id);
  });

  it("getJob's success example is exactly the fixture job its request names", async () => {
    engine.reset();
    const response = await engine.handle('exabyte', exampleRequest(exabyte, operation('getJob'), 'success'));
    expect(JSON.stringify(response.body)).toBe(JSON.stringify(documentedExample(exabyte, operation('getJob'), 200, 'success')));
  });
});
