/**
 * The job fields a client can filter and sort on, with their types (what Elide coerces RSQL values
 * to) and how to read them from a record. Relationship paths reach the related resource's fields.
 */
import type { JobRecord } from './model.js';
import { stepsOf, type TerrakubeStore } from './store.js';

export type FieldKind = 'string' | 'boolean' | 'status' | 'date' | 'integer';
export type FieldValue = string | number | boolean | null;

export interface JobField {
  kind: FieldKind;
  /** One value, or (to-many paths such as `step.status`) every related value. */
  read(job: JobRecord, store: TerrakubeStore): FieldValue | FieldValue[];
  /** Attributes, `id` and to-one paths can be sorted on; to-many paths cannot. */
  sortable: boolean;
}

const attr = (kind: FieldKind, read: (job: JobRecord) => FieldValue): JobField => ({ kind, read, sortable: true });

export const JOB_FIELDS: Readonly<Record<string, JobField>> = {
  id: attr('integer', (j) => j.id),
  command: attr('string', (j) => j.command),
  status: attr('status', (j) => j.status),
  output: attr('string', (j) => j.output),
  comments: attr('string', (j) => j.comments),
  commitId: attr('string', (j) => j.commitId),
  templateReference: attr('string', (j) => j.templateReference),
  tcl: attr('string', (j) => j.tcl),
  via: attr('string', (j) => j.via),
  refresh: attr('boolean', (j) => j.refresh),
  refreshOnly: attr('boolean', (j) => j.refreshOnly),
  planChanges: attr('boolean', (j) => j.planChanges),
  overrideBranch: attr('string', (j) => j.overrideBranch),
  terraformPlan: attr('string', (j) => j.terraformPlan),
  approvalTeam: attr('string', (j) => j.approvalTeam),
  createdDate: attr('date', (j) => j.createdDate),
  createdBy: attr('string', (j) => j.createdBy),
  updatedDate: attr('date', (j) => j.updatedDate),
  updatedBy: attr('string', (j) => j.updatedBy),
  'workspace.id': { kind: 'string', read: (j) => j.workspaceId, sortable: true },
  'workspace.name': { kind: 'string', read: (j, s) => s.workspaces.get(j.workspaceId)?.name ?? null, sortable: true },
  'organization.id': { kind: 'string', read: (j) => j.organizationId, sortable: true },
  'organization.name': { kind: 'string', read: (j, s) => s.organizations.get(j.organizationId)?.name ?? null, sortable: true },
  'step.id': { kind: 'string', read: (j) => [...j.stepIds], sortable: false },
  'step.name': { kind: 'string', read: (j, s) => stepsOf(s, j).map((st) => st.name), sortable: false },
  'step.status': { kind: 'status', read: (j, s) => stepsOf(s, j).map((st) => st.status), sortable: false },
};

export const RELATIONSHIPS: ReadonlySet<string> = new Set(['organization', 'workspace', 'step']);

