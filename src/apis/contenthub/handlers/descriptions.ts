import { ApiError } from '../../../core/api-error.js';
import type { Reply } from '../../../core/api-module.js';
import { readCultures } from '../cultures.js';
import { descriptionOf, nextEntityId, removeDescription, setDescription } from '../entities.js';
import type { DescriptionRecord, JobRecord } from '../records.js';
import { descriptionToApi } from '../serialize.js';
import { applyDescriptionChange, newDescription, planDescriptionWrite, type DescriptionBody } from '../write-description.js';
import { actor, jobFor, linksOf, type Context } from './shared.js';

function describedJob(ctx: Context, need: 'read' | 'write'): { job: JobRecord; description: DescriptionRecord } | ApiError {
  const job = jobFor(ctx, need);
  if (job instanceof ApiError) return job;
  const description = descriptionOf(ctx.store, job);
  return description ? { job, description } : new ApiError('not_found', `Job ${job.id} has no description.`);
}

function show(ctx: Context, description: DescriptionRecord): Reply | ApiError {
  const cultures = readCultures(ctx.query);
  if (cultures instanceof ApiError) return cultures;
  return { status: 200, body: descriptionToApi(description, cultures, linksOf(ctx)) };
}

/** GET /api/jobs/{id}/description */
export function getJobDescription(ctx: Context): Reply | ApiError {
  const found = describedJob(ctx, 'read');
  return found instanceof ApiError ? found : show(ctx, found.description);
}

/** GET /api/jobs/{id}/description/{descriptionId}: the description id must be this job's description. */
export function getJobDescriptionById(ctx: Context): Reply | ApiError {
  const found = describedJob(ctx, 'read');
  if (found instanceof ApiError) return found;
  const wanted = ctx.params['descriptionId'] as number;
  if (found.description.id !== wanted) return new ApiError('not_found', `Description with id ${wanted} was not found for job ${found.job.id}.`);
  return show(ctx, found.description);
}

/** PUT /api/jobs/{id}/description: creates (201 + Location) or replaces (204). */
export function putJobDescription(ctx: Context): Reply | ApiError {
  const job = jobFor(ctx, 'write');
  if (job instanceof ApiError) return job;
  const current = descriptionOf(ctx.store, job);
  const change = planDescriptionWrite(ctx.store, job, current, ctx.body as DescriptionBody, current ? 'replace' : 'create');
  if (change instanceof ApiError) return change;
  const now = ctx.clock.now();
  if (current) {
    applyDescriptionChange(ctx.store, current, change, actor(ctx), now);
    return { status: 204 };
  }
  const created = newDescription(ctx.store, job, nextEntityId(ctx.store), change, actor(ctx), now);
  setDescription(ctx.store, job, created);
  return { status: 201, body: { id: created.id }, headers: { location: linksOf(ctx).description(job.id, created.id).href } };
}

/** PATCH /api/jobs/{id}/description: changes only what is sent. */
export function patchJobDescription(ctx: Context): Reply | ApiError {
  const found = describedJob(ctx, 'write');
  if (found instanceof ApiError) return found;
  const change = planDescriptionWrite(ctx.store, found.job, found.description, ctx.body as DescriptionBody, 'merge');
  if (change instanceof ApiError) return change;
  applyDescriptionChange(ctx.store, found.description, change, actor(ctx), ctx.clock.now());
  return { status: 204 };
}

/** DELETE /api/jobs/{id}/description */
export function deleteJobDescription(ctx: Context): Reply | ApiError {
  const found = describedJob(ctx, 'write');
  if (found instanceof ApiError) return found;
  removeDescription(ctx.store, found.job, found.description);
  return { status: 204 };
}
