import type { MockRequest, MockResponse } from '../core/http.js';
import { handleAdminRequest } from '../admin/admin-routes.js';
import type { AdminApi } from '../admin/admin-api.js';
import type { Engine } from '../engine/engine.js';
import { toMockResponse } from '../respond/to-mock-response.js';
import { mountPrefix, resolveMount, type MountMode } from './mount.js';

export interface DoorOptions {
  mount?: MountMode;
  /** Serve `/__admin/*` on this door (default true for in-process doors). */
  admin?: boolean;
  /** When set, admin requests must carry `Authorization: Bearer <token>` or `x-jobs-kit-admin-token`. */
  adminToken?: string;
}

/** Admin access check shared by the doors: a token when one is configured. */
export function adminAllowed(headers: Record<string, string>, token: string | undefined): boolean {
  if (token === undefined) return true;
  return headers['x-jobs-kit-admin-token'] === token || headers['authorization'] === `Bearer ${token}`;
}

/**
 * Routes a plain request whose path is the full URL path to the admin API or to one API. `origin`
 * (scheme://host:port as the client used it) lets APIs with absolute links point them at the mock.
 * Synchronous unless latency applies (engine.handleNow), so a door can answer in the same tick.
 */
export function dispatch(engine: Engine, admin: AdminApi, request: MockRequest, options: DoorOptions, origin?: string): MockResponse | Promise<MockResponse> {
  const mode = options.mount ?? 'prefixed';
  const mounted = resolveMount(request.path, engine.apis, mode);
  if (mounted.kind === 'api') {
    const mountUrl = origin === undefined ? undefined : `${origin}${mountPrefix(mounted.api, mode)}`;
    return engine.handleNow(mounted.api, { ...request, path: mounted.path, mountUrl });
  }
  if (mounted.kind === 'admin' && options.admin !== false) {
    // The page itself is static and holds nothing; a browser cannot send a header when opening it, so it
    // loads without the token and sends the one in its URL fragment (#token=) on every admin call.
    const isPage = mounted.path === '/' && (request.method === 'GET' || request.method === 'HEAD');
    if (!isPage && !adminAllowed(request.headers, options.adminToken)) return toMockResponse({ status: 401, body: { error: { status: 401, message: 'the admin API needs the admin token (x-jobs-kit-admin-token header)' } } }, 'application/json');
    return handleAdminRequest(admin, { ...request, path: mounted.path });
  }
  const where = (options.mount ?? 'prefixed') === 'root' ? '/' : engine.apis.map((a) => `/${a}`).join(', ');
  return toMockResponse({ status: 404, body: { error: { status: 404, message: `no API is mounted at ${request.path}; APIs live under ${where}` } } }, 'application/json');
}
