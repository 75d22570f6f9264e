import type { ApiModule } from '../core/api-module.js';
import { createRouter, type Router } from '../routing/create-router.js';
import { indexSpec, type SpecIndex } from '../spec/spec-index.js';
import type { Clock } from '../state/clock.js';
import { createRandom, type Random } from '../state/random.js';
import { compileApiValidators, type ApiValidators } from '../validation/compile-api-validators.js';

/** What is compiled once per API (spec index, router, validators)... */
export interface CompiledApi {
  module: ApiModule<unknown>;
  index: SpecIndex;
  router: Router;
  validators: ApiValidators;
}

/** ...and what is reset with the state (store, random streams, how far lifecycles have run). */
export interface ApiRuntime extends CompiledApi {
  store: unknown;
  random: Random;
  faultRandom: Random;
  latencyRandom: Random;
  /** Virtual time up to which `advance` has run. */
  advancedTo: number;
  /** Jobs evicted to keep the store within `maxJobs` (job-capacity.ts). */
  evicted: number;
}

const compiledCache = new WeakMap<ApiModule<unknown>, CompiledApi>();

/** Compiles an API once per module object; engines created later reuse the result (a loaded-spec registry). */
export function compileApi(module: ApiModule<unknown>): CompiledApi {
  let compiled = compiledCache.get(module);
  if (!compiled) {
    const index = indexSpec(module.name, module.spec);
    compiled = { module, index, router: createRouter(index), validators: compileApiValidators(index, module.validators) };
    compiledCache.set(module, compiled);
  }
  return compiled;
}

export function createApiRuntime(compiled: CompiledApi, seed: number, clock: Clock, fixtures: boolean): ApiRuntime {
  const root = createRandom(seed).fork(compiled.module.name);
  const random = root.fork('store');
  const store = compiled.module.createStore({ random, clock, fixtures });
  return {
    ...compiled,
    store,
    random,
    faultRandom: root.fork('faults'),
    latencyRandom: root.fork('latency'),
    advancedTo: clock.now(),
    evicted: 0,
  };
}

/** Runs the API's lifecycles up to `now` if time has moved since the last run. */
export function advanceRuntime(runtime: ApiRuntime, now: number): void {
  if (now <= runtime.advancedTo) return;
  runtime.module.advance(runtime.store, now);
  runtime.advancedTo = now;
}
