/**
 * Readers for API-shaped records (JSON:API resources, plus the kit-only team and template rows).
 * Each returns a problem message, or hands the record to `put`. Missing optional attributes take the
 * defaults the real entities have (`via = "UI"`, `refresh = true`, `planChanges = true`).
 */
import { isJobId, isUuid, parseJobId } from './ids.js';
import type { Command, JobRecord, JobStatus, OrganizationRecord, StepRecord, TeamRecord, TemplateRecord, WorkspaceRecord } from './model.js';
import type { TerrakubeStore } from './store.js';

export type Reader = (item: unknown) => string | undefined;
type Obj = Record<string, unknown>;
type When = (text: string | null) => number | null;

const STATUSES: readonly JobStatus[] = ['pending', 'waitingApproval', 'approved', 'queue', 'running', 'completed', 'noChanges', 'notExecuted', 'rejected', 'cancelled', 'failed', 'unknown'];

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects typed fields of one object, remembering the first problem. */
class Fields {
  problem: string | undefined;
  constructor(private readonly obj: Obj, private readonly where: string) {}
  private fail(key: string, want: string): void {
    this.problem ??= `${this.where}.${key} must be ${want}`;
  }
  text(key: string, fallback: string | null = null): string | null {
    const v = this.obj[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'string') this.fail(key, 'a string or null');
    return typeof v === 'string' ? v : fallback;
  }
  required(key: string): string {
    const v = this.text(key);
    if (v === null) this.fail(key, 'a string');
    return v ?? '';
  }
  flag(key: string, fallback: boolean): boolean {
    const v = this.obj[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') this.fail(key, 'a boolean');
    return v === true;
  }
  oneOf<T extends string>(key: string, values: readonly T[], fallback: T): T {
    const v = this.obj[key];
    if (v === undefined || v === null) return fallback;
    if (!values.includes(v as T)) this.fail(key, `one of ${values.join(', ')}`);
    return values.includes(v as T) ? (v as T) : fallback;
  }
}

/** `{ type, id, attributes, relationships }` of a resource of the given type. */
function resource(item: unknown, type: string): { id: string; attrs: Fields; rel: (name: string) => string | undefined } | string {
  if (!isObj(item) || item['type'] !== type) return `must be a JSON:API resource of type "${type}"`;
  if (typeof item['id'] !== 'string') return 'id must be a string';
  const attributes = item['attributes'] ?? {};
  const relationships = item['relationships'] ?? {};
  if (!isObj(attributes) || !isObj(relationships)) return 'attributes and relationships must be objects';
  const rel = (name: string): string | undefined => {
    const data = (relationships[name] as Obj | undefined)?.['data'];
    return isObj(data) && typeof data['id'] === 'string' ? data['id'] : undefined;
  };
  return { id: item['id'], attrs: new Fields(attributes, 'attributes'), rel };
}

export function readOrganization(item: unknown, put: (org: OrganizationRecord) => void): string | undefined {
  const r = resource(item, 'organization');
  if (typeof r === 'string') return r;
  if (!isUuid(r.id)) return 'id must be a UUID';
  const a = r.attrs;
  const org: OrganizationRecord = {
    id: r.id,
    name: a.required('name'),
    description: a.text('description'),
    disabled: a.flag('disabled', false),
    executionMode: a.oneOf('executionMode', ['remote', 'local'] as const, 'remote'),
    icon: a.text('icon'),
  };
  if (a.problem) return a.problem;
  put(org);
  return undefined;
}

export function readTeam(item: unknown, store: TerrakubeStore, put: (team: TeamRecord) => void): string | undefined {
  if (!isObj(item)) return 'must be an object { organizationId, name, manageJob }';
  const f = new Fields(item, 'team');
  const team: TeamRecord = { organizationId: f.required('organizationId'), name: f.required('name'), manageJob: f.flag('manageJob', false) };
  if (f.problem) return f.problem;
  if (!store.organizations.has(team.organizationId)) return `organization ${team.organizationId} is not loaded`;
  put(team);
  return undefined;
}

export function readWorkspace(item: unknown, store: TerrakubeStore, when: When, put: (ws: WorkspaceRecord) => void): string | undefined {
  const r = resource(item, 'workspace');
  if (typeof r === 'string') return r;
  if (!isUuid(r.id)) return 'id must be a UUID';
  const organizationId = r.rel('organization');
  if (!organizationId || !store.organizations.has(organizationId)) return 'relationships.organization must name a loaded organization';
  const a = r.attrs;
  const ws: WorkspaceRecord = {
    id: r.id,
    organizationId,
    name: a.required('name'),
    description: a.text('description'),
    source: a.text('source'),
    branch: a.text('branch'),
    folder: a.text('folder'),
    iacType: a.oneOf('iacType', ['terraform', 'tofu'] as const, 'terraform'),
    terraformVersion: a.text('terraformVersion'),
    executionMode: a.oneOf('executionMode', ['remote', 'local'] as const, 'remote'),
    locked: a.flag('locked', false),
    deleted: a.flag('deleted', false),
    allowRemoteApply: a.flag('allowRemoteApply', false),
    defaultTemplate: a.text('defaultTemplate'),
    createdDate: when(a.text('createdDate')),
    createdBy: a.text('createdBy'),
    updatedDate: when(a.text('updatedDate')),
    updatedBy: a.text('updatedBy'),
  };
  if (a.problem) return a.problem;
  put(ws);
  return undefined;
}

export function readTemplate(item: unknown, store: TerrakubeStore, put: (t: TemplateRecord) => void): string | undefined {
  if (!isObj(item)) return 'must be an object { id, organizationId, name, tcl }';
  const f = new Fields(item, 'template');
  const t: TemplateRecord = { id: f.required('id'), organizationId: f.required('organizationId'), name: f.required('name'), tcl: f.required('tcl') };
  if (f.problem) return f.problem;
  if (!isUuid(t.id)) return 'template.id must be a UUID';
  if (!store.organizations.has(t.organizationId)) return `organization ${t.organizationId} is not loaded`;
  put(t);
  return undefined;
}

export function readJob(item: unknown, store: TerrakubeStore, when: When, put: (job: JobRecord) => void): string | undefined {
  const r = resource(item, 'job');
  if (typeof r === 'string') return r;
  const id = parseJobId(r.id);
  if (id === undefined || id < 1) return 'id must be a positive integer (as a string)';
  if (store.jobs.has(String(id))) return `job ${id} is already loaded`;
  const workspaceId = r.rel('workspace');
  const ws = workspaceId ? store.workspaces.get(workspaceId) : undefined;
  if (!ws) return 'relationships.workspace must name a loaded workspace';
  const organizationId = r.rel('organization') ?? ws.organizationId;
  if (organizationId !== ws.organizationId) return 'relationships.organization must be the workspace\'s organization';
  const a = r.attrs;
  const created = when(a.text('createdDate'));
  const job: JobRecord = {
    id,
    organizationId,
    workspaceId: ws.id,
    status: a.oneOf('status', STATUSES, 'pending'),
    command: a.text('command') as Command | null,
    output: a.text('output'),
    comments: a.text('comments'),
    commitId: a.text('commitId'),
    templateReference: a.text('templateReference'),
    tcl: a.text('tcl'),
    via: a.text('via', 'UI') ?? 'UI',
    refresh: a.flag('refresh', true),
    refreshOnly: a.flag('refreshOnly', false),
    planChanges: a.flag('planChanges', true),
    overrideBranch: a.text('overrideBranch'),
    terraformPlan: a.text('terraformPlan'),
    approvalTeam: a.text('approvalTeam'),
    createdDate: created ?? 0,
    createdBy: a.text('createdBy'),
    updatedDate: when(a.text('updatedDate')) ?? created ?? 0,
    updatedBy: a.text('updatedBy'),
    stepIds: [],
    outcome: { kind: 'success', failAt: 0 },
    version: 0,
  };
  if (a.problem) return a.problem;
  if (job.command !== null && !['plan', 'apply', 'destroy'].includes(job.command)) return 'attributes.command must be plan, apply, destroy or null';
  if (created === null) return 'attributes.createdDate must be a date like 2025-01-01T00:00Z';
  put(job);
  return undefined;
}

export function readStep(item: unknown, put: (step: StepRecord) => void): string | undefined {
  const r = resource(item, 'step');
  if (typeof r === 'string') return r;
  if (!isUuid(r.id)) return 'id must be a UUID';
  const jobId = r.rel('job');
  if (!isJobId(jobId)) return 'relationships.job must name a job';
  const a = r.attrs;
  const item_ = item as Obj;
  const stepNumber = (item_['attributes'] as Obj | undefined)?.['stepNumber'];
  if (typeof stepNumber !== 'number' || !Number.isInteger(stepNumber)) return 'attributes.stepNumber must be an integer';
  const step: StepRecord = {
    id: r.id,
    jobId: Number(jobId),
    stepNumber,
    name: a.text('name', '') ?? '',
    type: 'terraformPlan',
    team: null,
    status: a.oneOf('status', STATUSES, 'pending'),
    output: a.text('output'),
  };
  if (a.problem) return a.problem;
  put(step);
  return undefined;
}
