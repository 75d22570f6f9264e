import { ApiError } from '../../../core/api-error.js';
import type { Handler } from '../../../core/api-module.js';
import { enterStatus, planRun } from '../lifecycle.js';
import { scheduleNext, type ExabyteStore } from '../store.js';
import { jobReply, requireOwnJob } from './get-job.js';

/**
 * Submits a `pre-submission` job: `submitted` now, then `queued`, `active` and an end status on the
 * clock. Any other status (submitted twice, running, ended) cannot be submitted.
 */
export const submitJob: Handler<ExabyteStore> = (ctx) => {
  const job = requireOwnJob(ctx);
  if (job.status !== 'pre-submission') throw new ApiError('bad_request', `Job ${job._id} cannot be submitted: its status is ${job.status}`);
  const now = ctx.clock.now();
  enterStatus(job, 'submitted', now, planRun(ctx.store.random, job._id));
  scheduleNext(ctx.store, job, now);
  return jobReply(job);
};
