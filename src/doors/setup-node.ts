import { setupServer, type SetupServer } from 'msw/node';
import type { AdminApi } from '../admin/admin-api.js';
import type { Engine } from '../engine/engine.js';
import { createMockHandlers, type HandlerOptions } from './msw-handlers.js';

export interface JobsKitNode {
  /** The msw/node server: call listen()/close() around your suite; `server.use()` overrides work as usual. */
  server: SetupServer;
  engine: Engine;
  admin: AdminApi;
  /** Seeded state and clock back to the start, and MSW runtime overrides dropped. */
  reset(): void;
  /** Moves the virtual clock (and every lifecycle) forward. */
  advance(ms: number): number;
}

/** jobs-kit in a Node test suite (Vitest, Jest): the same engine behind msw/node's setupServer. */
export function setupJobsKit(options: HandlerOptions = {}): JobsKitNode {
  const { handlers, engine, admin } = createMockHandlers(options);
  const server = setupServer(...handlers);
  return {
    server,
    engine,
    admin,
    reset() {
      server.resetHandlers();
      engine.reset();
    },
    advance: (ms) => engine.advance(ms),
  };
}
