import { HTTP_METHODS } from '../spec/openapi-types.js';
import type { OperationSpec } from '../spec/spec-index.js';
import type { CompiledSpec } from './compiled-spec.js';

/**
 * The path relative to the spec's base path: origin and query dropped, then an optional `/<api>`
 * mount prefix (`jobs-kit serve` with all APIs), then the base path when present.
 */
export function specRelativePath(compiled: CompiledSpec, url: string): string {
  let path = new URL(url, 'http://relative.invalid').pathname;
  const base = compiled.index.basePath;
  const mount = `/${compiled.name}`;
  if (path.startsWith(`${mount}/`) && (base === '' || path.startsWith(`${mount}${base}`))) path = path.slice(mount.length);
  if (base && (path === base || path.startsWith(`${base}/`))) path = path.slice(base.length);
  return path || '/';
}

export type FoundOperation = { ok: true; operation: OperationSpec } | { ok: false; reason: string };

/** The operation a response answered, from its method and URL; without a method, the path must name exactly one. */
export function findOperation(compiled: CompiledSpec, method: string | undefined, url: string): FoundOperation {
  const path = specRelativePath(compiled, url);
  const methods = method ? [method.toUpperCase()] : HTTP_METHODS.map((m) => m.toUpperCase());
  const hits: OperationSpec[] = [];
  for (const m of methods) {
    const match = compiled.router.match(m, path);
    if (match.kind === 'operation') hits.push(match.operation);
  }
  if (hits.length === 1) return { ok: true, operation: hits[0]! };
  if (hits.length === 0) return { ok: false, reason: `no operation of ${compiled.name} matches ${method ? `${method.toUpperCase()} ` : ''}${path} (from ${url})` };
  return { ok: false, reason: `${path} matches ${hits.map((h) => `${h.method} (${h.operationId})`).join(', ')}: pass { method } or { operationId }` };
}
