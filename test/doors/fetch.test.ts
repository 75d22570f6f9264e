import { createFetch } from '../../src/doors/create-fetch.js';
import { requestInit, toDoorResponse } from './door-response.js';
import { runSuitesThrough } from './run-suites.js';

runSuitesThrough('createFetch', async () => {
  const mockFetch = createFetch({ seed: 1, clock: 'manual', validateResponses: 'throw' });
  return {
    name: 'createFetch',
    request: async (api, path, init) => toDoorResponse(await mockFetch(`http://jobs-kit.local/${api}${path}`, requestInit(init))),
    admin: {
      reset: async () => void mockFetch.admin.reset(),
      advance: async (ms) => void mockFetch.admin.advance(ms),
      setAuth: async (enabled) => void mockFetch.admin.updateSettings({ auth: enabled }),
    },
  };
});
