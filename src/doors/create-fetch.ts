import { createAdminApi, type AdminApi } from '../admin/admin-api.js';
import { createEngine } from '../engine/create-engine.js';
import type { Engine } from '../engine/engine.js';
import type { EngineOptions } from '../engine/engine-options.js';
import { dispatch, type DoorOptions } from './resolve-request.js';
import { fromFetchRequest, toFetchResponse } from './fetch-convert.js';

export type MockFetch = ((input: string | URL | Request, init?: RequestInit) => Promise<Response>) & {
  engine: Engine;
  admin: AdminApi;
};

export interface CreateFetchOptions extends EngineOptions, DoorOptions {
  /** Reuse an engine instead of creating one. */
  engine?: Engine;
}

/**
 * The in-process door: a `fetch` that answers from the mock without sockets. Any origin works; the
 * path decides (`/iot/jobs`, `/__admin/clock`).
 */
export function createFetch(options: CreateFetchOptions = {}): MockFetch {
  const engine = options.engine ?? createEngine(options);
  const admin = createAdminApi(engine);
  const mockFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && init === undefined ? input : new Request(typeof input === 'string' && input.startsWith('/') ? `http://jobs-kit.local${input}` : input, init);
    const url = new URL(request.url);
    const mock = await fromFetchRequest(request, url.pathname);
    return toFetchResponse(await dispatch(engine, admin, mock, options, url.origin));
  };
  return Object.assign(mockFetch, { engine, admin });
}
