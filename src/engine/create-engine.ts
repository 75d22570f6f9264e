import { selectModules } from '../apis/registry.js';
import { createEngineFromModules, type Engine } from './engine.js';
import type { EngineOptions } from './engine-options.js';

/** An engine over the built-in APIs (all five unless `apis` narrows them), or over `modules`. */
export function createEngine(options: EngineOptions = {}): Engine {
  return createEngineFromModules(options.modules ?? selectModules(options.apis), options);
}
