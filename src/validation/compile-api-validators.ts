import type { SpecIndex } from '../spec/spec-index.js';
import { createAjvPair } from './create-ajv.js';
import { compileOperation, type OperationValidator } from './compile-operation.js';

export interface ApiValidators {
  api: string;
  get(operationId: string): OperationValidator | undefined;
  all(): OperationValidator[];
  /** Milliseconds spent compiling (reported by tests and the benchmark). */
  compileMs: number;
}

/** Compiles every validator of a spec once, up front. */
export function compileApiValidators(index: SpecIndex): ApiValidators {
  const started = performance.now();
  const pair = createAjvPair(index.api, index.document);
  const byId = new Map(index.operations.map((op) => [op.operationId, compileOperation(pair, index.document, op)]));
  return {
    api: index.api,
    get: (operationId) => byId.get(operationId),
    all: () => [...byId.values()],
    compileMs: performance.now() - started,
  };
}
