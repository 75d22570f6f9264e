import type { Handler } from '../../core/api-module.js';
import { createJob } from './handlers/create-job.js';
import { deleteJob } from './handlers/delete-job.js';
import { getJob } from './handlers/get-job.js';
import { listJobs } from './handlers/list-jobs.js';
import { login } from './handlers/login.js';
import { submitJob } from './handlers/submit-job.js';
import { updateJob } from './handlers/update-job.js';
import type { ExabyteStore } from './store.js';

/** Handlers by operationId; the client's forms (`PUT /jobs/create`, `POST /jobs/{id}/submit`) share the seed's. */
export const handlers: Readonly<Record<string, Handler<ExabyteStore>>> = {
  login,
  listJobs,
  createJob,
  putCreateJob: createJob,
  getJob,
  updateJob,
  deleteJob,
  submitJob,
  submitJobAction: submitJob,
};
