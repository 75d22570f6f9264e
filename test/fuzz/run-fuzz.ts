import fc from 'fast-check';
import { createEngine } from '../../src/engine/create-engine.js';
import { compileApi } from '../../src/engine/api-runtime.js';
import type { ApiName } from '../../src/core/api-module.js';
import type { MockResponse } from '../../src/core/http.js';
import type { Engine } from '../../src/engine/engine.js';
import { fuzzCase } from './arbitraries.js';

export interface FuzzTally {
  requests: number;
  byStatus: Record<string, number>;
  crashes: number;
  /** 5xx answers; fault injection is off in fuzz runs, so none of them is injected. */
  serverErrorCount: number;
  /** The first few 5xx or throws, for the report. */
  serverErrors: string[];
  /** 4xx answers to paths no operation matched whose body no documented response of that status accepts. */
  errorSchemaFailures: string[];
  invariantViolations: string[];
  prototypePolluted: boolean;
}

/**
 * A 4xx for an unrouted path has no operation to be checked against in the engine, so it is checked
 * here: some operation of the API must document that status with a schema the body satisfies (routed
 * 4xx are checked by the engine itself, 'throw' mode turning a bad one into a 500).
 */
function errorShapeChecker(engine: Engine) {
  const lastGood = new Map<string, string>();
  const fits = (api: ApiName, status: number, response: MockResponse): boolean => {
    const { validators, index } = compileApi(engine.module(api));
    const key = `${api} ${status}`;
    const order = [lastGood.get(key), ...index.operations.map((o) => o.operationId)].filter((id): id is string => id !== undefined);
    for (const operationId of order) {
      if (validators.get(operationId)!.response({ status, headers: response.headers, body: response.body }).length === 0) {
        lastGood.set(key, operationId);
        return true;
      }
    }
    return false;
  };
  // A status no operation documents (405 on most specs) must still be the API's envelope: the 404/400 shape.
  return (api: ApiName, response: MockResponse): boolean => fits(api, response.status, response) || fits(api, 404, response) || fits(api, 400, response);
}

/**
 * Sends `runs` fuzzed requests through the engine (auth on, response validation 'throw', so a 4xx
 * outside the API's error schema becomes a 500 and counts) and checks the stores' invariants and
 * Object.prototype afterwards. Deterministic for a seed.
 */
export function runFuzz(runs: number, seed: number, onProgress?: (done: number) => void): FuzzTally {
  const errors: string[] = [];
  // A journal of one: the last entry tells whether the request matched an operation.
  const engine = createEngine({ validateResponses: 'throw', journalSize: 1, onError: (message) => errors.push(message) });
  const errorShapeOk = errorShapeChecker(engine);
  const tally: FuzzTally = { requests: 0, byStatus: {}, crashes: 0, serverErrorCount: 0, serverErrors: [], errorSchemaFailures: [], invariantViolations: [], prototypePolluted: false };
  // Sampled in chunks (no shrinking): the tally must count every request, not stop at the first failure.
  for (let done = 0, chunk = 0; done < runs; chunk++) {
    const size = Math.min(1000, runs - done);
    for (const { api, request, credential } of fc.sample(fuzzCase(), { numRuns: size, seed: seed + chunk })) {
      const credentials = engine.module(api).auth.devCredentials();
      const headers = credential < credentials.length ? { ...credentials[credential]!.headers, ...request.headers } : request.headers;
      let response: MockResponse;
      try {
        response = engine.handleSync(api, { ...request, headers });
      } catch (error) {
        tally.crashes++;
        if (tally.serverErrors.length < 20) tally.serverErrors.push(`${api} ${request.method} ${request.path} threw: ${(error as Error).message}`);
        continue;
      }
      const status = response.status;
      tally.requests++;
      tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
      if (status >= 500) {
        tally.serverErrorCount++;
        if (tally.serverErrors.length < 20) tally.serverErrors.push(`${api} ${request.method} ${request.path}?${request.rawQuery.slice(0, 80)} [${request.headers['content-type'] ?? ''}] → ${status}: ${errors.at(-1)?.slice(0, 300) ?? ''}`);
      } else if (status >= 400 && engine.journal.list()[0]?.operationId === undefined && !errorShapeOk(api, response)) {
        if (tally.errorSchemaFailures.length < 20) tally.errorSchemaFailures.push(`${api} ${request.method} ${request.path} → ${status}: ${response.bodyText?.slice(0, 200)}`);
        else tally.errorSchemaFailures.push(`${api} ${status}`);
      }
    }
    done += size;
    onProgress?.(done);
  }
  for (const api of engine.apis as ApiName[]) {
    for (const violation of engine.module(api).invariants?.(engine.store(api)) ?? []) tally.invariantViolations.push(`${api}: ${violation}`);
  }
  tally.prototypePolluted = 'polluted' in ({} as Record<string, unknown>) || Object.getOwnPropertyNames(Object.prototype).some((k) => !BASELINE.has(k));
  return tally;
}

const BASELINE = new Set(Object.getOwnPropertyNames(Object.prototype));
