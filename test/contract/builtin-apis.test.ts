import { describe, expect, it } from 'vitest';
import { BUILTIN_MODULES } from '../../src/apis/registry.js';
import { runContract } from '../../src/contract/run-contract.js';
import { API_NAMES } from '../../src/core/api-module.js';
import { mockTarget } from './mock-target.js';

describe('contract runner: the five built-in mocks conform to their own specs', () => {
  for (const api of API_NAMES) {
    it(`passes against the ${api} mock, by name, with its dev credentials`, async () => {
      const report = await runContract({ api, ...mockTarget(BUILTIN_MODULES[api]) });
      const failed = report.checks.filter((c) => c.outcome !== 'pass').map((c) => `${c.outcome} ${c.id}: ${c.message}`);
      expect(failed).toEqual([]);
      // Every operation was exercised at least once.
      expect(report.coverage.filter((row) => row.exercised.length === 0).map((row) => row.operationId)).toEqual([]);
    });
  }
});
