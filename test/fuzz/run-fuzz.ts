import fc from 'fast-check';
import { createEngine } from '../../src/engine/create-engine.js';
import type { ApiName } from '../../src/core/api-module.js';
import { fuzzCase } from './arbitraries.js';

export interface FuzzTally {
  requests: number;
  byStatus: Record<string, number>;
  crashes: number;
  serverErrorCount: number;
  /** The first few 5xx or throws, for the report. */
  serverErrors: string[];
  invariantViolations: string[];
  prototypePolluted: boolean;
}

/**
 * Sends `runs` fuzzed requests through the engine (auth on, response validation 'throw', so a 4xx
 * outside the API's error schema becomes a 500 and counts) and checks the stores' invariants and
 * Object.prototype afterwards. Deterministic for a seed.
 */
export function runFuzz(runs: number, seed: number): FuzzTally {
  const errors: string[] = [];
  const engine = createEngine({ validateResponses: 'throw', onError: (message) => errors.push(message) });
  const tally: FuzzTally = { requests: 0, byStatus: {}, crashes: 0, serverErrorCount: 0, serverErrors: [], invariantViolations: [], prototypePolluted: false };
  // Sampled in chunks (no shrinking): the tally must count every request, not stop at the first failure.
  for (let done = 0, chunk = 0; done < runs; chunk++) {
    const size = Math.min(1000, runs - done);
    for (const { api, request, credential } of fc.sample(fuzzCase(), { numRuns: size, seed: seed + chunk })) {
      const credentials = engine.module(api).auth.devCredentials();
      const headers = credential < credentials.length ? { ...credentials[credential]!.headers, ...request.headers } : request.headers;
      let status: number;
      try {
        status = engine.handleSync(api, { ...request, headers }).status;
      } catch (error) {
        tally.crashes++;
        if (tally.serverErrors.length < 20) tally.serverErrors.push(`${api} ${request.method} ${request.path} threw: ${(error as Error).message}`);
        continue;
      }
      tally.requests++;
      tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
      if (status >= 500) {
        tally.serverErrorCount++;
        if (tally.serverErrors.length < 20) tally.serverErrors.push(`${api} ${request.method} ${request.path}?${request.rawQuery.slice(0, 80)} [${request.headers['content-type'] ?? ''}] → ${status}: ${errors.at(-1)?.slice(0, 300) ?? ''}`);
      }
    }
    done += size;
  }
  for (const api of engine.apis as ApiName[]) {
    for (const violation of engine.module(api).invariants?.(engine.store(api)) ?? []) tally.invariantViolations.push(`${api}: ${violation}`);
  }
  tally.prototypePolluted = 'polluted' in ({} as Record<string, unknown>) || Object.getOwnPropertyNames(Object.prototype).some((k) => !BASELINE.has(k));
  return tally;
}

const BASELINE = new Set(Object.getOwnPropertyNames(Object.prototype));
