import { http, type HttpHandler } from 'msw';
import { createAdminApi, type AdminApi } from '../admin/admin-api.js';
import type { ApiName } from '../core/api-module.js';
import { createEngine } from '../engine/create-engine.js';
import type { Engine } from '../engine/engine.js';
import type { EngineOptions } from '../engine/engine-options.js';
import { dispatch, type DoorOptions } from './resolve-request.js';
import { fromFetchRequest, toFetchResponse } from './fetch-convert.js';

export interface HandlerOptions extends EngineOptions, Pick<DoorOptions, 'adminToken'> {
  engine?: Engine;
  /**
   * Origin the APIs are mounted on, each under `/<api>` (as `serve` does). Default: relative
   * (same origin) in a browser, `http://localhost:4010` in Node.
   */
  baseUrl?: string;
  /** Also intercept an API at its own URL (e.g. `{ iot: 'https://iot.us-east-1.amazonaws.com' }`): paths as the real service has them. */
  serviceUrls?: Partial<Record<ApiName, string>>;
  /** Intercept `/__admin/*` on baseUrl (default true). */
  admin?: boolean;
}

export interface MockHandlers {
  handlers: HttpHandler[];
  engine: Engine;
  admin: AdminApi;
}

function defaultBaseUrl(): string {
  return typeof window !== 'undefined' && typeof document !== 'undefined' ? '' : 'http://localhost:4010';
}

/**
 * MSW handlers generated from the engine: one catch-all `http.all` per API mount, so MSW's own
 * conventions (`server.use()` overrides first, `onUnhandledRequest`) keep working around them.
 */
export function createMockHandlers(options: HandlerOptions = {}): MockHandlers {
  const engine = options.engine ?? createEngine(options);
  const admin = createAdminApi(engine);
  const base = (options.baseUrl ?? defaultBaseUrl()).replace(/\/+$/, '');
  const door = { mount: 'prefixed' as const, admin: options.admin !== false, adminToken: options.adminToken };
  const handlers: HttpHandler[] = [];
  const forward = (api?: ApiName) =>
    async ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      const mock = await fromFetchRequest(request, url.pathname);
      if (api) return toFetchResponse(await engine.handle(api, { ...mock, path: url.pathname, mountUrl: url.origin }));
      return toFetchResponse(await dispatch(engine, admin, mock, door, url.origin));
    };
  for (const api of engine.apis) {
    handlers.push(http.all(`${base}/${api}/*`, forward()));
    const serviceUrl = options.serviceUrls?.[api];
    if (serviceUrl) {
      const url = new URL(serviceUrl);
      handlers.push(http.all(`${url.origin}/*`, forward(api)));
    }
  }
  if (door.admin) handlers.push(http.all(`${base}/__admin/*`, forward()));
  return { handlers, engine, admin };
}

/** `setupServer(...createHandlers())` / `setupWorker(...createHandlers())`. */
export function createHandlers(options: HandlerOptions = {}): HttpHandler[] {
  return createMockHandlers(options).handlers;
}
