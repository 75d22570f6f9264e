import type { ApiModule } from '../../src/core/api-module.js';
import { createFetch, type MockFetch } from '../../src/doors/create-fetch.js';
import { createEngineFromModules } from '../../src/engine/engine.js';

/** Where the runner finds an in-process mock of `module`: a fetch and the API's base URL on it. */
export interface MockTarget {
  fetch: MockFetch;
  baseUrl: string;
}

/**
 * An in-process mock serving `module` (manual clock, seed 1, fixtures). Response validation is off:
 * a broken variant must reach the runner as broken, not be turned into a 500 by the engine.
 */
export function mockTarget(module: ApiModule<any>): MockTarget {
  const fetch = createFetch({ engine: createEngineFromModules([module], { validateResponses: 'off', onError: () => {} }) });
  return { fetch, baseUrl: `http://jobs-kit.local/${module.name}` };
}
