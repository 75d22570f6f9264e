import { describe, expect, it } from 'vitest';
import { indexSpec } from '../../src/spec/spec-index.js';
import { compileApiValidators } from '../../src/validation/compile-api-validators.js';
import { loadAllSpecs } from './spec-files.js';

describe('validators: compiled once for every operation of the five specs', () => {
  it('compiles params, body and response validators for every operation, and says how long it took', () => {
    const specs = loadAllSpecs();
    const started = performance.now();
    let operations = 0;
    for (const [api, document] of specs) {
      const index = indexSpec(api, document);
      const validators = compileApiValidators(index);
      expect(validators.all().map((v) => v.operation.operationId).sort()).toEqual(index.operations.map((o) => o.operationId).sort());
      operations += index.operations.length;
      console.log(`[validators] ${api}: ${index.operations.length} operations compiled in ${validators.compileMs.toFixed(1)} ms`);
    }
    console.log(`[validators] all five specs: ${operations} operations compiled in ${(performance.now() - started).toFixed(1)} ms`);
    expect(operations).toBeGreaterThanOrEqual(13 + 17 + 5 + 9 + 5);
  });
});
