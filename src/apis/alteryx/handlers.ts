import type { Handler } from '../../core/api-module.js';
import { jobsGetJobMessages, jobsGetJobV3 } from './handlers/jobs.js';
import { oauth2Token } from './handlers/token.js';
import { workflowsEnqueue, workflowsGetJobsForWorkflow } from './handlers/workflows.js';
import type { AlteryxStore } from './store.js';

/** One handler per operationId of specs/alteryx.openapi.yaml. */
export const handlers: { readonly [operationId: string]: Handler<AlteryxStore> } = {
  jobsGetJobV3,
  jobsGetJobMessages,
  workflowsGetJobsForWorkflow,
  workflowsEnqueue,
  oauth2Token,
};
