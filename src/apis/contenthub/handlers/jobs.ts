import { ApiError } from '../../../core/api-error.js';
import type { Reply } from '../../../core/api-module.js';
import { readCultures } from '../cultures.js';
import { jobToApi } from '../serialize.js';
import { jobFor, linksOf, type Context } from './shared.js';

/** GET /api/v2/jobs/{id}: the job entity; targets are not embedded, only the relation links. */
export function getJob(ctx: Context): Reply | ApiError {
  const job = jobFor(ctx, 'read');
  if (job instanceof ApiError) return job;
  const cultures = readCultures(ctx.query);
  if (cultures instanceof ApiError) return cultures;
  return { status: 200, body: jobToApi(job, cultures, linksOf(ctx)) };
}
