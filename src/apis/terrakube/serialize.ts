/**
 * Records → JSON:API resource objects, the way Elide renders them: `type`, string `id`,
 * `attributes`, and `relationships` with resource linkage (to-one objects, to-many arrays). A sparse
 * fieldset (`fields[type]`) keeps only the named attributes and relationships.
 */
import type { components } from '../../generated/terrakube.js';
import { formatElideDate, formatJobId } from './ids.js';
import type { JobRecord, OrganizationRecord, StepRecord, WorkspaceRecord } from './model.js';
import { jobsOfWorkspace, type TerrakubeStore } from './store.js';

type Schemas = components['schemas'];
export type JobResource = Schemas['Job'];
export type StepResource = Schemas['Step'];
export type WorkspaceResource = Schemas['Workspace'];
export type OrganizationResource = Schemas['Organization'];

/** Sparse fieldsets by type; a type without an entry shows every field. */
export type Fieldsets = ReadonlyMap<string, ReadonlySet<string>>;

const date = (ms: number | null): string | null => (ms === null ? null : formatElideDate(ms));

/** Keeps the entries a fieldset allows (all when there is none). */
function only<T extends Record<string, unknown>>(values: T, fields: ReadonlySet<string> | undefined): Partial<T> {
  if (!fields) return values;
  const out: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T & string)[]) if (fields.has(key)) out[key] = values[key];
  return out;
}

/** Applies a sparse fieldset; a member left empty is dropped, as Elide omits it. */
function withFields<R extends { attributes?: object; relationships?: object }>(resource: R, fields: ReadonlySet<string> | undefined): R {
  if (!fields) return resource;
  const out = { ...resource };
  const attributes = only(resource.attributes as Record<string, unknown>, fields);
  const relationships = only(resource.relationships as Record<string, unknown>, fields);
  if (Object.keys(attributes).length > 0) out.attributes = attributes as R['attributes'];
  else delete out.attributes;
  if (Object.keys(relationships).length > 0) out.relationships = relationships as R['relationships'];
  else delete out.relationships;
  return out;
}

export function jobResource(job: JobRecord, fieldsets?: Fieldsets): JobResource {
  const resource: JobResource = {
    type: 'job',
    id: formatJobId(job.id),
    attributes: {
      command: job.command,
      status: job.status,
      output: job.output,
      comments: job.comments,
      commitId: job.commitId,
      templateReference: job.templateReference,
      tcl: job.tcl,
      via: job.via,
      refresh: job.refresh,
      refreshOnly: job.refreshOnly,
      planChanges: job.planChanges,
      overrideBranch: job.overrideBranch,
      terraformPlan: job.terraformPlan,
      approvalTeam: job.approvalTeam,
      createdDate: date(job.createdDate),
      createdBy: job.createdBy,
      updatedDate: date(job.updatedDate),
      updatedBy: job.updatedBy,
    },
    relationships: {
      organization: { data: { type: 'organization', id: job.organizationId } },
      step: { data: job.stepIds.map((id) => ({ type: 'step', id })) },
      workspace: { data: { type: 'workspace', id: job.workspaceId } },
    },
  };
  return withFields(resource, fieldsets?.get('job'));
}

export function stepResource(step: StepRecord, fieldsets?: Fieldsets): StepResource {
  const resource: StepResource = {
    type: 'step',
    id: step.id,
    attributes: { name: step.name, stepNumber: step.stepNumber, status: step.status, output: step.output },
    relationships: { job: { data: { type: 'job', id: formatJobId(step.jobId) } } },
  };
  return withFields(resource, fieldsets?.get('step'));
}

export function workspaceResource(store: TerrakubeStore, ws: WorkspaceRecord, fieldsets?: Fieldsets): WorkspaceResource {
  const resource: WorkspaceResource = {
    type: 'workspace',
    id: ws.id,
    attributes: {
      name: ws.name,
      description: ws.description,
      source: ws.source,
      branch: ws.branch,
      folder: ws.folder,
      iacType: ws.iacType,
      terraformVersion: ws.terraformVersion,
      executionMode: ws.executionMode,
      locked: ws.locked,
      deleted: ws.deleted,
      allowRemoteApply: ws.allowRemoteApply,
      defaultTemplate: ws.defaultTemplate,
      createdDate: date(ws.createdDate),
      createdBy: ws.createdBy,
      updatedDate: date(ws.updatedDate),
      updatedBy: ws.updatedBy,
    },
    relationships: {
      organization: { data: { type: 'organization', id: ws.organizationId } },
      job: { data: jobsOfWorkspace(store, ws.id).map((j) => ({ type: 'job', id: formatJobId(j.id) })) },
    },
  };
  return withFields(resource, fieldsets?.get('workspace'));
}

export function organizationResource(store: TerrakubeStore, org: OrganizationRecord, fieldsets?: Fieldsets): OrganizationResource {
  const workspaces = [...store.workspaces.values()].filter((w) => w.organizationId === org.id && !w.deleted);
  const jobs = [...store.jobs.values()].filter((j) => j.organizationId === org.id);
  const resource: OrganizationResource = {
    type: 'organization',
    id: org.id,
    attributes: { name: org.name, description: org.description, disabled: org.disabled, executionMode: org.executionMode, icon: org.icon },
    relationships: {
      workspace: { data: workspaces.map((w) => ({ type: 'workspace', id: w.id })) },
      job: { data: jobs.map((j) => ({ type: 'job', id: formatJobId(j.id) })) },
    },
  };
  return withFields(resource, fieldsets?.get('organization'));
}
