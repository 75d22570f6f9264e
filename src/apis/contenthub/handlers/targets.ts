import { ApiError } from '../../../core/api-error.js';
import type { Reply } from '../../../core/api-module.js';
import type { components } from '../../../generated/contenthub.js';
import { readCultures } from '../cultures.js';
import { addTarget, findTarget, nextEntityId, removeTarget } from '../entities.js';
import { onTargetsChanged } from '../lifecycle.js';
import type { JobRecord, TargetRecord, TargetState } from '../records.js';
import { targetToApi } from '../serialize.js';
import { applyTargetChange, newTarget, planTargetWrite, type TargetBody, type TargetChange } from '../write-target.js';
import { actor, jobFor, linksOf, type Context } from './shared.js';

/** Content Hub's REST collections return at most 100 items per page ("up to 100"); 25 by default. */
export const MAX_TAKE = 100;

function targetFor(ctx: Context, need: 'read' | 'write'): { job: JobRecord; target: TargetRecord } | ApiError {
  const job = jobFor(ctx, need);
  if (job instanceof ApiError) return job;
  const id = ctx.params['targetId'] as number;
  const target = findTarget(job, id);
  return target ? { job, target } : new ApiError('not_found', `Target with id ${id} was not found for job ${job.id}.`);
}

/** POST /api/jobs/{id}/targets: 201 with the new id and a Location header. */
export function createJobTarget(ctx: Context): Reply | ApiError {
  const job = jobFor(ctx, 'write');
  if (job instanceof ApiError) return job;
  const change = planTargetWrite(ctx.store, job, undefined, ctx.body as TargetBody, 'create');
  if (change instanceof ApiError) return change;
  const now = ctx.clock.now();
  const target = newTarget(ctx.store, job, nextEntityId(ctx.store), change, actor(ctx), now);
  addTarget(ctx.store, job, target);
  onTargetsChanged(ctx.store, job, now);
  return { status: 201, body: { id: target.id }, headers: { location: linksOf(ctx).target(job.id, target.id).href } };
}

/** POST /api/jobs/{id}/targets/bulk: all targets are checked first; one bad target creates none. */
export function createJobTargets(ctx: Context): Reply | ApiError {
  const job = jobFor(ctx, 'write');
  if (job instanceof ApiError) return job;
  const bodies = ctx.body as TargetBody[];
  const changes: TargetChange[] = [];
  const identifiers = new Set<string>();
  for (const [index, body] of bodies.entries()) {
    const change = planTargetWrite(ctx.store, job, undefined, body, 'create', identifiers);
    if (change instanceof ApiError) {
      const field = typeof change.detail['field'] === 'string' ? `[${index}].${change.detail['field']}` : `[${index}]`;
      return new ApiError(change.code, `Target ${index}: ${change.message}`, { detail: change.code === 'validation_failed' ? { field } : {} });
    }
    if (change.identifier !== undefined) identifiers.add(change.identifier);
    changes.push(change);
  }
  const now = ctx.clock.now();
  const ids = changes.map((change) => {
    const target = newTarget(ctx.store, job, nextEntityId(ctx.store), change, actor(ctx), now);
    addTarget(ctx.store, job, target);
    return target.id;
  });
  onTargetsChanged(ctx.store, job, now);
  return { status: 201, body: { ids } };
}

/** GET /api/jobs/{id}/targets: skip/take paging and a state filter, in Content Hub's collection envelope. */
export function listJobTargets(ctx: Context): Reply | ApiError {
  const job = jobFor(ctx, 'read');
  if (job instanceof ApiError) return job;
  const cultures = readCultures(ctx.query);
  if (cultures instanceof ApiError) return cultures;
  const skip = (ctx.query['skip'] as number | undefined) ?? 0;
  const take = Math.min((ctx.query['take'] as number | undefined) ?? 25, MAX_TAKE);
  const state = ctx.query['state'] as TargetState | undefined;
  const filter = state === undefined ? undefined : (t: TargetRecord) => t.state === state;
  const page = job.targets.page({ offset: skip, limit: take, filter });
  const total = job.targets.count(filter);
  const links = linksOf(ctx);
  const link = (from: number) => links.targetsPage(job.id, { skip: from, take, state, cultures });
  const body: components['schemas']['JobTargetCollection'] = {
    items: page.items.map((t) => targetToApi(t, cultures, links)),
    total_items: total,
    returned_items: page.items.length,
    self: link(skip),
  };
  if (page.hasMore) body.next = link(skip + take);
  if (skip > 0) body.previous = link(Math.max(0, skip - take));
  return { status: 200, body };
}

/** GET /api/jobs/{id}/targets/{targetId} */
export function getJobTarget(ctx: Context): Reply | ApiError {
  const found = targetFor(ctx, 'read');
  if (found instanceof ApiError) return found;
  const cultures = readCultures(ctx.query);
  if (cultures instanceof ApiError) return cultures;
  return { status: 200, body: targetToApi(found.target, cultures, linksOf(ctx)) };
}

function update(ctx: Context, mode: 'replace' | 'merge'): Reply | ApiError {
  const found = targetFor(ctx, 'write');
  if (found instanceof ApiError) return found;
  const change = planTargetWrite(ctx.store, found.job, found.target, ctx.body as TargetBody, mode);
  if (change instanceof ApiError) return change;
  const now = ctx.clock.now();
  applyTargetChange(ctx.store, found.target, change, actor(ctx), now);
  onTargetsChanged(ctx.store, found.job, now);
  return { status: 204 };
}

/** PUT /api/jobs/{id}/targets/{targetId}: unsent properties and relations become null. */
export const putJobTarget = (ctx: Context): Reply | ApiError => update(ctx, 'replace');

/** PATCH /api/jobs/{id}/targets/{targetId}: sent members change, the rest stays. */
export const patchJobTarget = (ctx: Context): Reply | ApiError => update(ctx, 'merge');

/** DELETE /api/jobs/{id}/targets/{targetId} */
export function deleteJobTarget(ctx: Context): Reply | ApiError {
  const found = targetFor(ctx, 'write');
  if (found instanceof ApiError) return found;
  removeTarget(ctx.store, found.job, found.target);
  onTargetsChanged(ctx.store, found.job, ctx.clock.now());
  return { status: 204 };
}
