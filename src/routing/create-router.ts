import { addRoute, createRouter as createRou3, findRoute, type RouterContext } from 'rou3';
import type { OperationSpec, SpecIndex } from '../spec/spec-index.js';

export type RouteMatch =
  | { kind: 'operation'; operation: OperationSpec; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

export interface Router {
  match(method: string, path: string): RouteMatch;
}

/** `/jobs/{jobId}/things/{thingName}` → `/jobs/:jobId/things/:thingName` (rou3's syntax). */
function toRou3Path(template: string): string {
  return template.replace(/\{([^}]+)\}/g, ':$1');
}

/**
 * A compiled router from the spec's paths (relative to the base path) to operations. Built once;
 * a path that exists with another method answers 405 with the methods it does allow.
 */
export function createRouter(index: SpecIndex): Router {
  const byMethod: RouterContext<OperationSpec> = createRou3();
  const anyMethod: RouterContext<string[]> = createRou3();
  const allowed = new Map<string, string[]>();
  for (const op of index.operations) {
    const path = toRou3Path(op.path);
    addRoute(byMethod, op.method, path, op);
    const methods = allowed.get(path) ?? [];
    methods.push(op.method);
    allowed.set(path, methods);
  }
  for (const [path, methods] of allowed) addRoute(anyMethod, '', path, methods);

  return {
    match(method, rawPath) {
      const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
      const hit = findRoute(byMethod, method.toUpperCase(), path);
      if (hit) return { kind: 'operation', operation: hit.data, params: { ...hit.params } };
      const other = findRoute(anyMethod, '', path);
      if (other) return { kind: 'method-not-allowed', allow: other.data };
      return { kind: 'not-found' };
    },
  };
}
