/**
 * Who sees what ("Job Endpoints": users see the jobs they ran; Curators administer the Server and
 * see everything). Anything a caller may not see answers 404, exactly like something that does not
 * exist, so ids cannot be probed.
 */
import { ApiError } from '../../../core/api-error.js';
import type { Principal } from '../../../core/principal.js';
import type { components } from '../../../generated/alteryx.js';
import { isCurator } from '../auth.js';
import type { AlteryxStore, StoredJob, WorkflowRecord } from '../store.js';

type JobView = components['schemas']['JobView'];
type WorkflowJobView = components['schemas']['WorkflowJobView'];

export function canSeeJob(principal: Principal, stored: StoredJob): boolean {
  return isCurator(principal) || stored.ownerId === principal.id;
}

/** Own workflows, shared (public, executable by others) ones, and every one for a Curator. */
export function canUseWorkflow(principal: Principal, workflow: WorkflowRecord): boolean {
  return isCurator(principal) || workflow.ownerId === principal.id || workflow.isShared;
}

export function findJob(store: AlteryxStore, principal: Principal, jobId: string): StoredJob | ApiError {
  const stored = store.jobs.get(jobId);
  if (!stored || !canSeeJob(principal, stored)) return new ApiError('not_found', `No job was found with the id '${jobId}'.`);
  return stored;
}

export function findWorkflow(store: AlteryxStore, principal: Principal, workflowId: string): WorkflowRecord | ApiError {
  const workflow = store.workflows.get(workflowId);
  if (!workflow || !canUseWorkflow(principal, workflow)) return new ApiError('not_found', `No workflow was found with the id '${workflowId}'.`);
  return workflow;
}

/** The API record, copied so a caller can never change the store through a response. */
export function toJobView(stored: StoredJob, includeMessages: boolean): JobView {
  const { job } = stored;
  return {
    id: job.id,
    appId: job.appId,
    createDateTime: job.createDateTime,
    status: job.status,
    disposition: job.disposition,
    outputs: job.outputs.map((o) => ({ ...o, availableFormats: [...o.availableFormats] })),
    ...(includeMessages ? { messages: job.messages.map((m) => ({ ...m })) } : {}),
    priority: job.priority,
    workerTag: job.workerTag,
    runWithE2: job.runWithE2,
  };
}

export function toWorkflowJobView(stored: StoredJob): WorkflowJobView {
  const { job } = stored;
  return { id: job.id, createDate: job.createDateTime, status: job.status, priority: job.priority, workerTag: job.workerTag, runWithE2: job.runWithE2 };
}
