import type { Handler } from '../../../core/api-module.js';
import type { components } from '../../../generated/exabyte.js';
import { removeJob, type ExabyteStore } from '../store.js';
import { requireOwnJob } from './get-job.js';
import { success } from './jsend.js';

type DeleteResponse = components['schemas']['DeleteResponse'];

/** Removes the job in any status (a job in flight stops moving) and answers the seed's message. */
export const deleteJob: Handler<ExabyteStore> = (ctx) => {
  const job = requireOwnJob(ctx);
  removeJob(ctx.store, job._id);
  return success({ message: `Job ${job._id} successfully deleted` }) satisfies { body: DeleteResponse };
};
