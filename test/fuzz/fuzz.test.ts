import { describe, expect, it } from 'vitest';
import { runFuzz } from './run-fuzz.js';

describe('fuzzing: the engine under arbitrary and hostile requests (seed-fixed)', () => {
  it('never crashes, never answers 5xx, keeps every store consistent and Object.prototype clean', () => {
    const tally = runFuzz(2000, 20261123);
    console.log(`[fuzz] ${tally.requests} requests, statuses ${JSON.stringify(tally.byStatus)}`);
    expect(tally.crashes).toBe(0);
    expect(tally.serverErrors).toEqual([]);
    expect(tally.errorSchemaFailures).toEqual([]);
    expect(tally.invariantViolations).toEqual([]);
    expect(tally.prototypePolluted).toBe(false);
    expect(tally.requests + tally.crashes).toBe(2000);
  }, 120_000);
});
