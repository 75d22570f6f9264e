import { describe, expect, it } from 'vitest';
import { runContract } from '../../src/contract/run-contract.js';
import type { ContractReport } from '../../src/contract/contract-report.js';
import { mockTarget } from './mock-target.js';
import { VARIANT_SETS } from './variants/index.js';

const failures = (report: ContractReport) => report.checks.filter((c) => c.outcome === 'fail').map((c) => `${c.kind} ${c.id}: ${c.message}`);

for (const set of VARIANT_SETS) {
  describe(`contract runner: ${set.api} and its broken variants`, () => {
    it('passes against the correct mock', async () => {
      const module = await set.load();
      const report = await runContract({ api: module, ...mockTarget(module) });
      expect(failures(report)).toEqual([]);
      expect(report.totals.pass).toBeGreaterThan(0);
    });

    for (const variant of set.variants) {
      const caught = `${variant.caughtBy.kind}${variant.caughtBy.operationId ? ` on ${variant.caughtBy.operationId}` : ''}`;
      it(`catches "${variant.name}" with a ${caught} check`, async () => {
        const module = await set.load();
        // The runner checks against the correct module's spec and credentials; the mock serves the variant.
        const report = await runContract({ api: module, ...mockTarget(variant.apply(module)) });
        expect(report.ok).toBe(false);
        const named = report.checks.filter((c) => c.outcome === 'fail' && c.kind === variant.caughtBy.kind && (!variant.caughtBy.operationId || c.operationId === variant.caughtBy.operationId));
        expect(named.length, `no failing ${caught} check; failures were:\n${failures(report).join('\n')}`).toBeGreaterThan(0);
      });
    }
  });
}
