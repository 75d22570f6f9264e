import { ApiError } from '../../../core/api-error.js';
import type { Handler } from '../../../core/api-module.js';
import type { components } from '../../../generated/exabyte.js';
import type { ExabyteStore } from '../store.js';
import { copyOptionalFields, userCompute } from './create-job.js';
import { jobReply, requireOwnJob } from './get-job.js';

type JobUpdate = components['schemas']['JobUpdate'];

/** What a run was submitted with: fixed once the job has left `pre-submission`. */
const RUN_INPUTS = ['compute', '_material', '_materials', '_project', 'workflow', 'model', 'parent'] as const;

/**
 * PATCH is a `$set` of top-level fields (`compute` is merged field by field, as the web app's
 * compute form saves it). Status never changes here: the spec's `JobUpdate` has no `status`.
 */
export const updateJob: Handler<ExabyteStore> = (ctx) => {
  const job = requireOwnJob(ctx);
  const input = ctx.body as JobUpdate;
  const fixed = RUN_INPUTS.filter((key) => input[key] !== undefined);
  if (fixed.length > 0 && job.status !== 'pre-submission') {
    throw new ApiError('bad_request', `Job ${job._id} is ${job.status}: ${fixed.join(', ')} can only change before the job is submitted`);
  }
  const name = input.name ?? input.title;
  if (name !== undefined) job.name = name;
  if (input.compute) job.compute = userCompute(job.compute, input.compute);
  if (input._project) job._project = structuredClone(input._project);
  if (input.workflow) job.workflow = structuredClone(input.workflow);
  copyOptionalFields(job, input);
  job.updatedAt = new Date(ctx.clock.now()).toISOString();
  return jobReply(job);
};
