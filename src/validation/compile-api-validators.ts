import type { SpecIndex } from '../spec/spec-index.js';
import { compileOperation, type OperationValidator } from './compile-operation.js';
import { createAjvCompiler, createPrecompiledCompiler, type PrecompiledValidators } from './schema-compiler.js';

export interface ApiValidators {
  api: string;
  get(operationId: string): OperationValidator | undefined;
  all(): OperationValidator[];
  /** Milliseconds spent building the validators (reported by tests and the benchmark). */
  compileMs: number;
  /** Validators that had to be compiled at run time because no precompiled one matched. */
  compiledAtRuntime: number;
}

/**
 * Every validator of a spec, built once, up front: taken from the standalone code `npm run generate`
 * wrote when it is given, compiled with Ajv otherwise (custom specs, tests).
 */
export function compileApiValidators(index: SpecIndex, precompiled: PrecompiledValidators = {}): ApiValidators {
  const started = performance.now();
  const compile = createPrecompiledCompiler(precompiled, () => createAjvCompiler(index.api, index.document).compile);
  const byId = new Map(index.operations.map((op) => [op.operationId, compileOperation(compile, index.document, op)]));
  return {
    api: index.api,
    get: (operationId) => byId.get(operationId),
    all: () => [...byId.values()],
    compileMs: performance.now() - started,
    compiledAtRuntime: compile.missing.length,
  };
}
