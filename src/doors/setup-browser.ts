import { setupWorker, type SetupWorker } from 'msw/browser';
import type { AdminApi } from '../admin/admin-api.js';
import type { Engine } from '../engine/engine.js';
import { createMockHandlers, type HandlerOptions } from './msw-handlers.js';

export interface JobsKitBrowser {
  /** The MSW worker: `await worker.start()` before the app's first request. */
  worker: SetupWorker;
  engine: Engine;
  admin: AdminApi;
  reset(): void;
  advance(ms: number): number;
}

/**
 * jobs-kit in the browser: the engine behind MSW's service worker. Serve `mockServiceWorker.js`
 * (shipped as `jobs-kit/mockServiceWorker.js`) from your site's root.
 */
export function setupJobsKitWorker(options: HandlerOptions = {}): JobsKitBrowser {
  const { handlers, engine, admin } = createMockHandlers(options);
  const worker = setupWorker(...handlers);
  return {
    worker,
    engine,
    admin,
    reset() {
      worker.resetHandlers();
      engine.reset();
    },
    advance: (ms) => engine.advance(ms),
  };
}
