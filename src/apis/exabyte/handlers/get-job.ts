import { ApiError } from '../../../core/api-error.js';
import type { Handler, HandlerContext } from '../../../core/api-module.js';
import type { components } from '../../../generated/exabyte.js';
import type { Job } from '../lifecycle.js';
import { findOwnJob, type ExabyteStore } from '../store.js';
import { success } from './jsend.js';

type JobResponse = components['schemas']['JobResponse'];

/** The caller's job named by the path, or the 404 a missing (or another account's) job gets. */
export function requireOwnJob(ctx: HandlerContext<ExabyteStore>): Job {
  const id = ctx.params.id as string;
  const job = findOwnJob(ctx.store, ctx.principal, id);
  if (!job) throw new ApiError('not_found', `Job ${id} not found`);
  return job;
}

export function jobReply(job: Job) {
  return success(structuredClone(job)) satisfies { body: JobResponse };
}

export const getJob: Handler<ExabyteStore> = (ctx) => jobReply(requireOwnJob(ctx));
