import { describe, expect, it } from 'vitest';
import { BUILTIN_MODULES } from '../../src/apis/registry.js';
import { indexSpec } from '../../src/spec/spec-index.js';
import { compileApiValidators } from '../../src/validation/compile-api-validators.js';
import { loadAllSpecs } from './spec-files.js';

describe('validators: compiled once for every operation of the five specs', () => {
  it('compiles params, body and response validators for every operation with Ajv, and says how long it took', () => {
    const specs = loadAllSpecs();
    const started = performance.now();
    let operations = 0;
    for (const [api, document] of specs) {
      const index = indexSpec(api, document);
      const validators = compileApiValidators(index);
      expect(validators.all().map((v) => v.operation.operationId).sort()).toEqual(index.operations.map((o) => o.operationId).sort());
      operations += index.operations.length;
      console.log(`[validators] ${api}: ${index.operations.length} operations compiled with Ajv in ${validators.compileMs.toFixed(1)} ms`);
    }
    console.log(`[validators] all five specs: ${operations} operations compiled with Ajv in ${(performance.now() - started).toFixed(1)} ms`);
    expect(operations).toBeGreaterThanOrEqual(13 + 17 + 5 + 9 + 5);
  });

  it('the engine takes every validator from the generated standalone code (no schema work at start-up)', () => {
    const started = performance.now();
    for (const [api, document] of loadAllSpecs()) {
      const validators = compileApiValidators(indexSpec(api, document), BUILTIN_MODULES[api].validators);
      expect(validators.compiledAtRuntime, `${api}: validators missing from src/generated/${api}.validators.ts (run npm run generate)`).toBe(0);
    }
    console.log(`[validators] all five specs from precompiled code in ${(performance.now() - started).toFixed(1)} ms`);
  });

  it('precompiled and freshly compiled validators agree on every response example and on broken copies of them', () => {
    let compared = 0;
    for (const [api, document] of loadAllSpecs()) {
      const index = indexSpec(api, document);
      const fresh = compileApiValidators(index);
      const pre = compileApiValidators(index, BUILTIN_MODULES[api].validators);
      for (const op of index.operations) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (!/^\d{3}$/.test(status)) continue;
          for (const [mediaType, media] of Object.entries(response.content ?? {})) {
            for (const example of Object.values(media.examples ?? {})) {
              const value = (example as { value?: unknown }).value;
              for (const body of [value, { broken: true }, 42]) {
                const input = { status: Number(status), headers: { 'content-type': mediaType }, body };
                expect(pre.get(op.operationId)!.response(input)).toEqual(fresh.get(op.operationId)!.response(input));
                compared++;
              }
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
