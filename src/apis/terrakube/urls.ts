/**
 * Where Terrakube keeps a step's log and a plan file: the API serves logs under `/tfoutput/v1/...`
 * and plan/state files under `/tfstate/v1/...` (the executor uploads them after each step).
 */
import type { JobRecord, StepRecord } from './model.js';

/** The host of the spec's server (`servers[0]` default). */
export const API_HOST = 'terrakube-api.platform.local';

export function stepOutputUrl(job: JobRecord, step: StepRecord): string {
  return `https://${API_HOST}/tfoutput/v1/organization/${job.organizationId}/job/${job.id}/step/${step.id}`;
}

export function terraformPlanUrl(job: JobRecord, step: StepRecord): string {
  return `https://${API_HOST}/tfstate/v1/organization/${job.organizationId}/workspace/${job.workspaceId}/jobId/${job.id}/step/${step.id}/terraformLibrary.tfPlan`;
}
