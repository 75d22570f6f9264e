import { isApiError } from '../../../core/api-error.js';
import type { Handler } from '../../../core/api-module.js';
import type { components, operations } from '../../../generated/alteryx.js';
import { formatObjectId } from '../ids.js';
import { planRun } from '../lifecycle.js';
import { appendJob, type AlteryxStore, type StoredJob } from '../store.js';
import { canSeeJob, findWorkflow, toJobView, toWorkflowJobView } from './access.js';

type ListQuery = NonNullable<operations['workflowsGetJobsForWorkflow']['parameters']['query']>;
type WorkflowPath = operations['workflowsGetJobsForWorkflow']['parameters']['path'];
type EnqueueJobContract = components['schemas']['EnqueueJobContract'];
type WorkflowJobView = components['schemas']['WorkflowJobView'];

/**
 * GET /v3/workflows/{workflowId}/jobs: the caller's jobs of the workflow (every job for a Curator),
 * newest first unless `direction=asc`, filtered by `status` and `resultCode`, paged by
 * `offset`/`limit`. The store keeps jobs in creation order, so a page costs offset + limit steps.
 */
export const workflowsGetJobsForWorkflow: Handler<AlteryxStore> = ({ params, query, principal, store }) => {
  const { workflowId } = params as WorkflowPath;
  const { direction = 'desc', offset = 0, limit, status, resultCode } = query as ListQuery;
  const workflow = findWorkflow(store, principal, workflowId);
  if (isApiError(workflow)) return workflow;
  const page = store.jobs.page({
    offset,
    limit: limit ?? Number.POSITIVE_INFINITY,
    reverse: direction === 'desc',
    filter: (s) => s.job.appId === workflow.id && canSeeJob(principal, s) && (!status || s.job.status === status) && (!resultCode || s.job.disposition === resultCode),
  });
  const body: WorkflowJobView[] = page.items.map(toWorkflowJobView);
  return { status: 200, body };
};

/**
 * POST /v3/workflows/{workflowId}/jobs: queues a run for the caller and answers the new job. The
 * rest of the run is planned on the clock at once (see lifecycle.ts).
 */
export const workflowsEnqueue: Handler<AlteryxStore> = ({ params, body, principal, store, clock }) => {
  const { workflowId } = params as WorkflowPath;
  const contract = (body ?? {}) as EnqueueJobContract;
  const workflow = findWorkflow(store, principal, workflowId);
  if (isApiError(workflow)) return workflow;
  const now = clock.now();
  const stored: StoredJob = {
    job: {
      id: formatObjectId(now, store.counter++),
      appId: workflow.id,
      createDateTime: new Date(now).toISOString(),
      status: 'Queued',
      disposition: 'None',
      outputs: [],
      messages: [],
      priority: contract.priority ?? 'Default',
      workerTag: contract.workerTag ?? workflow.workerTag,
      runWithE2: workflow.runWithE2,
    },
    ownerId: principal.id,
    createdAt: now,
    questions: (contract.questions ?? []).map((q) => ({ name: q.name, value: q.value })),
    ...(contract.credentialId !== undefined ? { credentialId: contract.credentialId } : {}),
  };
  appendJob(store, stored);
  planRun(store, stored, workflow, now);
  return { status: 200, body: toJobView(stored, true) };
};
