import { ApiError } from '../../../core/api-error.js';
import type { HandlerContext } from '../../../core/api-module.js';
import { accessTo, principalEntityId } from '../auth.js';
import { linksFor, type Links } from '../links.js';
import type { JobRecord } from '../records.js';
import type { ContentHubStore } from '../store.js';

export type Context = HandlerContext<ContentHubStore>;

/** Where this response's hrefs start: the mount URL the client used, else the real host (links.ts). */
export const linksOf = (ctx: Context): Links => linksFor(ctx.request.mountUrl);

/** The acting user's entity id (created_by / modified_by). */
export const actor = (ctx: Context): number => principalEntityId(ctx.principal);

/**
 * The job in the path, if the caller may `need` it: unknown → 404; no permission → 403, as Content Hub
 * answers for entities a user cannot read; read-only permission and a change → 403 too.
 */
export function jobFor(ctx: Context, need: 'read' | 'write'): JobRecord | ApiError {
  const id = ctx.params['id'] as number;
  const job = ctx.store.jobs.get(id);
  if (!job) return new ApiError('not_found', `Job with id ${id} was not found.`);
  const access = accessTo(job, ctx.principal);
  if (access === 'none') return new ApiError('forbidden', `User '${ctx.principal.name}' does not have permission to read job ${id}.`);
  if (need === 'write' && access !== 'write') return new ApiError('forbidden', `User '${ctx.principal.name}' does not have permission to update job ${id}.`);
  return job;
}
