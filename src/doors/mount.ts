import type { ApiName } from '../core/api-module.js';
import { ADMIN_PREFIX } from '../admin/admin-routes.js';

/**
 * Where each API lives on a door. `prefixed` (the default): `/<api>` + the API's own base path,
 * so five APIs share one origin. `root`: a single API's paths at the root, as the real service has them.
 */
export type MountMode = 'prefixed' | 'root';

export type Mounted =
  | { kind: 'api'; api: ApiName; path: string }
  | { kind: 'admin'; path: string }
  | { kind: 'none' };

export function resolveMount(pathname: string, apis: readonly ApiName[], mode: MountMode): Mounted {
  // Admin paths are matched first and only at the top: `/iot/__admin` is an API path, never admin.
  if (pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`)) return { kind: 'admin', path: pathname.slice(ADMIN_PREFIX.length) || '/' };
  if (mode === 'root') return apis.length === 1 ? { kind: 'api', api: apis[0]!, path: pathname } : { kind: 'none' };
  const slash = pathname.indexOf('/', 1);
  const first = slash === -1 ? pathname.slice(1) : pathname.slice(1, slash);
  if (!apis.includes(first as ApiName)) return { kind: 'none' };
  return { kind: 'api', api: first as ApiName, path: slash === -1 ? '/' : pathname.slice(slash) };
}

export function mountPrefix(api: ApiName, mode: MountMode): string {
  return mode === 'root' ? '' : `/${api}`;
}
