/**
 * The records the terrakube store keeps. Times are epoch ms (rendered to Elide's minute format only
 * on the way out); ids are what the real service uses (integer jobs, UUID everything else).
 */
import type { components } from '../../generated/terrakube.js';

export type JobStatus = components['schemas']['JobStatus'];
export type Command = 'plan' | 'apply' | 'destroy';

/** Statuses after which the scheduler leaves a job alone and the next job of its workspace may run
 * (`ScheduleJob`: `findByWorkspaceAndStatusNotIn(failed, completed, rejected, cancelled, noChanges)`). */
export const FINISHED_STATUSES: ReadonlySet<JobStatus> = new Set<JobStatus>(['failed', 'completed', 'rejected', 'cancelled', 'noChanges']);

export function isFinished(status: JobStatus): boolean {
  return FINISHED_STATUSES.has(status);
}

/** A Dex group that is a Terrakube team of an organization. */
export interface TeamRecord {
  organizationId: string;
  name: string;
  /** `Team.manageJob`: members may create and edit jobs (`team manage job`). */
  manageJob: boolean;
}

export interface OrganizationRecord {
  id: string;
  name: string;
  description: string | null;
  disabled: boolean;
  executionMode: 'remote' | 'local' | null;
  icon: string | null;
}

export interface WorkspaceRecord {
  id: string;
  organizationId: string;
  name: string;
  description: string | null;
  source: string | null;
  branch: string | null;
  folder: string | null;
  iacType: 'terraform' | 'tofu';
  terraformVersion: string | null;
  executionMode: 'remote' | 'local' | null;
  locked: boolean;
  deleted: boolean;
  allowRemoteApply: boolean;
  defaultTemplate: string | null;
  createdDate: number | null;
  createdBy: string | null;
  updatedDate: number | null;
  updatedBy: string | null;
}

/** A Terrakube template: a name and its TCL (base64-encoded YAML with a `flow` list). */
export interface TemplateRecord {
  id: string;
  organizationId: string;
  name: string;
  tcl: string;
}

/** What the simulated executor will make of a job, drawn once per job from the seed. */
export interface JobOutcome {
  /** `fail`: the step at `failAt` (a share of the Terraform steps) fails; `noChanges`: the first plan finds nothing. */
  kind: 'success' | 'noChanges' | 'fail';
  failAt: number;
}

export interface JobRecord {
  id: number;
  organizationId: string;
  workspaceId: string;
  status: JobStatus;
  command: Command | null;
  output: string | null;
  comments: string | null;
  commitId: string | null;
  templateReference: string | null;
  tcl: string | null;
  via: string;
  refresh: boolean;
  refreshOnly: boolean;
  planChanges: boolean;
  overrideBranch: string | null;
  terraformPlan: string | null;
  approvalTeam: string | null;
  createdDate: number;
  createdBy: string | null;
  updatedDate: number;
  updatedBy: string | null;
  /** Step ids in step-number order (empty until the scheduler first picks the job up). */
  stepIds: string[];
  outcome: JobOutcome;
  /** Bumped on every change; a scheduled event carries the version it was planned for. */
  version: number;
}

/** A step's flow type (`FlowType`), kit-internal: the API shows only name, number, status and output. */
export type FlowType = 'terraformPlan' | 'terraformPlanDestroy' | 'terraformApply' | 'terraformDestroy' | 'customScripts' | 'approval';

export interface StepRecord {
  id: string;
  jobId: number;
  stepNumber: number;
  name: string;
  type: FlowType;
  /** Approval steps: the team that must approve. */
  team: string | null;
  status: JobStatus;
  output: string | null;
}
