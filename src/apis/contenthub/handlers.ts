import type { Handler } from '../../core/api-module.js';
import { deleteJobDescription, getJobDescription, getJobDescriptionById, patchJobDescription, putJobDescription } from './handlers/descriptions.js';
import { getJob } from './handlers/jobs.js';
import { createJobTarget, createJobTargets, deleteJobTarget, getJobTarget, listJobTargets, patchJobTarget, putJobTarget } from './handlers/targets.js';
import type { ContentHubStore } from './store.js';

/** The 13 operations of the seed, keyed by the spec's operationIds. */
export const handlers: Readonly<Record<string, Handler<ContentHubStore>>> = {
  getJob,
  getJobDescription,
  putJobDescription,
  patchJobDescription,
  deleteJobDescription,
  getJobDescriptionById,
  createJobTarget,
  createJobTargets,
  listJobTargets,
  getJobTarget,
  putJobTarget,
  patchJobTarget,
  deleteJobTarget,
};
