import { createMockServer } from '../../src/doors/node-server.js';
import { requestInit, toDoorResponse } from './door-response.js';
import { runSuitesThrough } from './run-suites.js';

/** The HTTP server over a real socket; admin through its HTTP admin API, as a user's CI would. */
runSuitesThrough('HTTP server', async () => {
  const mock = createMockServer({ seed: 1, clock: 'manual', validateResponses: 'throw' });
  const { url } = await mock.listen(0, '127.0.0.1');
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/__admin${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`admin ${path} answered ${res.status}: ${await res.text()}`);
  };
  return {
    name: 'HTTP server',
    request: async (api, path, init) => toDoorResponse(await fetch(`${url}/${api}${path}`, requestInit(init))),
    admin: {
      reset: () => admin('POST', '/reset'),
      advance: (ms) => admin('POST', '/clock/advance', { ms }),
      setAuth: (enabled) => admin('PATCH', '/settings', { auth: enabled }),
    },
    close: () => mock.close(),
  };
});
