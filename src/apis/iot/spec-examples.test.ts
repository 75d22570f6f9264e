import { describe, expect, it } from 'vitest';
import { documentedExample, exampleRequest } from '../../../test/support/named-examples.js';
import { examplePairs } from '../../contract/build-request.js';
import { createEngineFromModules } from '../../engine/engine.js';
import { indexSpec } from '../../spec/spec-index.js';
import iot from './index.js';

// Each named request getting its documented status is checked by the contract runner
// (test/contract/builtin-apis.test.ts); iot's examples go further: they are the mock's exact bodies.
describe("iot: the spec's named examples are the mock's exact answers", () => {
  const engine = createEngineFromModules([iot], { seed: 1, clock: 'manual', validateResponses: 'throw' });
  const operations = indexSpec('iot', iot.spec).operations;
  const cases = operations.flatMap((op) => examplePairs(op).filter((p) => p.status !== 204).map(({ name, status }) => [op.operationId, name, status!, op] as const));

  it.each(cases)('%s: the "%s" request gets exactly its documented %i body from a fresh mock', async (_id, name, status, op) => {
    engine.reset();
    const response = await engine.handle('iot', exampleRequest(iot, op, name));
    expect(response.status, response.bodyText).toBe(status);
    expect(response.body, 'the body is the documented example').toEqual(documentedExample(iot, op, status, name));
    expect(engine.violations).toEqual([]);
  });

  it('documents GET success bodies with their members in the order the mock sends them', async () => {
    engine.reset();
    for (const op of operations.filter((o) => o.method === 'GET')) {
      const response = await engine.handle('iot', exampleRequest(iot, op, 'success'));
      expect(JSON.stringify(response.body), op.operationId).toBe(JSON.stringify(documentedExample(iot, op, 200, 'success')));
    }
  });
});
