import type { ValidateFunction } from 'ajv';
import { allowExtensions, createAjvPair, rewriteRefs, type AjvPair } from './create-ajv.js';
import type { OpenApiDocument } from '../spec/openapi-types.js';

/** Validators precompiled by `npm run generate` (Ajv standalone code), by key. */
export type PrecompiledValidators = Readonly<Record<string, ValidateFunction>>;

/**
 * Returns the validator for a key: `params` coerces and fills defaults (path/query/header), `exact`
 * does not (bodies, responses). The schema is a thunk so precompiled lookups do no schema work.
 */
export type SchemaCompiler = (kind: 'params' | 'exact', key: string, schema: () => object) => ValidateFunction;

export interface RecordingCompiler {
  compile: SchemaCompiler;
  pair: AjvPair;
  /** Every key compiled, with the Ajv instance it went to, in order (for standalone code). */
  keys: Array<{ key: string; kind: 'params' | 'exact' }>;
}

/** Compiles with Ajv; with `source`, keeps the generated code so it can be written out as a module. */
export function createAjvCompiler(api: string, document: OpenApiDocument, options: { source?: boolean } = {}): RecordingCompiler {
  let pair: AjvPair | undefined;
  const keys: RecordingCompiler['keys'] = [];
  const recorder: RecordingCompiler = {
    keys,
    get pair() {
      pair ??= createAjvPair(api, document, options);
      return pair;
    },
    compile(kind, key, schema) {
      const ext = new Set<string>();
      const rewritten = rewriteRefs(api, schema(), ext) as object;
      allowExtensions(recorder.pair, ext);
      const ajv = recorder.pair[kind];
      ajv.addSchema(rewritten, key);
      keys.push({ key, kind });
      return ajv.getSchema(key)!;
    },
  };
  return recorder;
}

/** Uses precompiled validators where they exist, and compiles (once) only what is missing. */
export function createPrecompiledCompiler(precompiled: PrecompiledValidators, fallback: () => SchemaCompiler): SchemaCompiler & { missing: string[] } {
  const missing: string[] = [];
  let compiler: SchemaCompiler | undefined;
  const compile = ((kind, key, schema) => {
    const found = precompiled[key];
    if (found) return found;
    missing.push(key);
    compiler ??= fallback();
    return compiler(kind, key, schema);
  }) as SchemaCompiler & { missing: string[] };
  compile.missing = missing;
  return compile;
}
