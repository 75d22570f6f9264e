import type { ApiModule } from '../core/api-module.js';
import { compileApi } from '../engine/api-runtime.js';
import { createRouter, type Router } from '../routing/create-router.js';
import type { OpenApiDocument } from '../spec/openapi-types.js';
import { indexSpec, type SpecIndex } from '../spec/spec-index.js';
import { compileApiValidators, type ApiValidators } from '../validation/compile-api-validators.js';

/** A spec with its index, router and validators: everything the contract tools need, built once. */
export interface CompiledSpec {
  name: string;
  index: SpecIndex;
  router: Router;
  validators: ApiValidators;
}

/**
 * An API module's compiled spec, shared with the engine (`compileApi` caches per module and uses the
 * validators `npm run generate` precompiled), so a test process that runs the mock, the runner and
 * the matcher compiles each API once.
 */
export function compileModule(module: ApiModule<any>): CompiledSpec {
  const { index, router, validators } = compileApi(module);
  return { name: module.name, index, router, validators };
}

/** A name for a spec without a module (`info.title` as a slug): it becomes part of Ajv schema ids, so no spaces. */
export function documentName(document: OpenApiDocument): string {
  return (document.info?.title ?? 'api').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'api';
}

// Bare documents (`--spec FILE`, users' own specs) are cached by object identity.
const cache = new WeakMap<OpenApiDocument, Map<string, CompiledSpec>>();

export function compileSpec(name: string, document: OpenApiDocument): CompiledSpec {
  let byName = cache.get(document);
  if (!byName) cache.set(document, (byName = new Map()));
  let compiled = byName.get(name);
  if (!compiled) {
    const index = indexSpec(name, document);
    compiled = { name, index, router: createRouter(index), validators: compileApiValidators(index) };
    byName.set(name, compiled);
  }
  return compiled;
}
