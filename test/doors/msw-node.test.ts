import { setupJobsKit } from '../../src/doors/setup-node.js';
import { requestInit, toDoorResponse } from './door-response.js';
import { runSuitesThrough } from './run-suites.js';

/** msw/node intercepting the global fetch, as in a user's Vitest suite. */
runSuitesThrough('msw/node', async () => {
  const kit = setupJobsKit({ seed: 1, clock: 'manual', validateResponses: 'throw', baseUrl: 'http://jobs-kit.test' });
  kit.server.listen({ onUnhandledRequest: 'error' });
  return {
    name: 'msw/node',
    request: async (api, path, init) => toDoorResponse(await fetch(`http://jobs-kit.test/${api}${path}`, requestInit(init))),
    admin: {
      reset: async () => kit.reset(),
      advance: async (ms) => void kit.advance(ms),
      setAuth: async (enabled) => void kit.admin.updateSettings({ auth: enabled }),
    },
    close: async () => kit.server.close(),
  };
});
