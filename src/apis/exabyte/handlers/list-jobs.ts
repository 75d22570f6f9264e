import { ApiError } from '../../../core/api-error.js';
import type { Handler, HandlerContext } from '../../../core/api-module.js';
import type { components } from '../../../generated/exabyte.js';
import type { Job } from '../lifecycle.js';
import { compileQuery } from '../mongo-query.js';
import { applyFields, parseProjection, sortComparator } from '../projection.js';
import type { ExabyteStore } from '../store.js';
import { success } from './jsend.js';

type JobListResponse = components['schemas']['JobListResponse'];

/**
 * A JSON parameter, also from the seed's fully encoded form: `jobs?query%3D%7B...%7D` decodes to a
 * parameter *named* `query={...}` with no value, which is read here as `query`.
 */
function readJsonParam(ctx: HandlerContext<ExabyteStore>, name: string): unknown {
  let text = ctx.query[name] as string | undefined;
  if (text === undefined) {
    for (const [key, value] of new URLSearchParams(ctx.request.rawQuery)) {
      if (value === '' && key.startsWith(`${name}=`)) text = key.slice(name.length + 1);
    }
  }
  if (text === undefined || text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('bad_request', `${name} is not valid JSON: ${text.slice(0, 80)}`);
  }
}

export const listJobs: Handler<ExabyteStore> = (ctx) => {
  const matches = compileQuery(readJsonParam(ctx, 'query'));
  const projection = parseProjection(readJsonParam(ctx, 'projection'));
  const account = ctx.principal.account;
  const filter = (job: Job) => job.owner._id === account && matches(job);
  let page: Job[];
  if (projection.sort.length === 0) {
    page = ctx.store.jobs.page({ offset: projection.skip, limit: projection.limit, filter }).items;
  } else {
    const sorted = [...ctx.store.jobs.values()].filter(filter).sort(sortComparator(projection.sort));
    page = sorted.slice(projection.skip, projection.skip + projection.limit);
  }
  const data = page.map((job) => applyFields(structuredClone(job), projection.fields));
  return success(data) satisfies { body: JobListResponse };
};
