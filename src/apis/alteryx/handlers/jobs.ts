import { ApiError, isApiError } from '../../../core/api-error.js';
import type { Handler } from '../../../core/api-module.js';
import type { components, operations } from '../../../generated/alteryx.js';
import { isCurator } from '../auth.js';
import type { AlteryxStore } from '../store.js';
import { findJob, toJobView } from './access.js';

type JobQuery = NonNullable<operations['jobsGetJobV3']['parameters']['query']>;
type JobPath = operations['jobsGetJobV3']['parameters']['path'];
type JobMessageView = components['schemas']['JobMessageView'];

/** GET /v3/jobs/{jobId}: the job, reduced (without messages) when includeMessages=false. */
export const jobsGetJobV3: Handler<AlteryxStore> = ({ params, query, principal, store }) => {
  const { jobId } = params as JobPath;
  const { includeMessages = true } = query as JobQuery;
  const stored = findJob(store, principal, jobId);
  if (isApiError(stored)) return stored;
  return { status: 200, body: toJobView(stored, includeMessages) };
};

/**
 * GET /v3/jobs/{jobId}/messages: every message, Curators only. The role check comes first, as an
 * authorization filter runs before the action looks anything up.
 */
export const jobsGetJobMessages: Handler<AlteryxStore> = ({ params, principal, store }) => {
  if (!isCurator(principal)) return new ApiError('forbidden', 'Only Curators can use this endpoint.');
  const { jobId } = params as JobPath;
  const stored = findJob(store, principal, jobId);
  if (isApiError(stored)) return stored;
  const body: JobMessageView[] = stored.job.messages.map((m) => ({ ...m }));
  return { status: 200, body };
};
