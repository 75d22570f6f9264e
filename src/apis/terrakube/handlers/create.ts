/**
 * POST a job (201 with the new resource). Elide creates the job inside the collection of the URL
 * (an organization's or a workspace's jobs) and sets the relationships of the body; the mock takes
 * the job's organization from its workspace, so either route yields a complete job.
 */
import { isApiError, type ApiError } from '../../../core/api-error.js';
import type { Handler } from '../../../core/api-module.js';
import type { components } from '../../../generated/terrakube.js';
import { denied, invalidValue, unknownIdentifier } from '../errors.js';
import { resume } from '../lifecycle.js';
import type { JobRecord, WorkspaceRecord } from '../model.js';
import { canManageJobs, isSuperService } from '../permissions.js';
import { jobResource } from '../serialize.js';
import { outcomeFor, storeJob, type TerrakubeStore } from '../store.js';
import { applyPlain, auditName, changedPlain, wantedApprovalTeam, wantedStatus } from './attributes.js';
import { jobScope, readableWorkspace, type Ctx, type JobScope } from './scope.js';

type CreateDocument = components['schemas']['JobCreateDocument'];

/** The workspace the new job runs in: the URL's, or the body's `relationships.workspace`. */
function targetWorkspace(ctx: Ctx, scope: JobScope, doc: CreateDocument): WorkspaceRecord | ApiError {
  const named = doc.data.relationships?.workspace?.data.id;
  if (scope.workspace) {
    if (named !== undefined && named !== scope.workspace.id) return invalidValue(`relationships.workspace ${named} is not the workspace ${scope.workspace.id} of the URL`);
    return scope.workspace;
  }
  if (named === undefined) return invalidValue('a job needs a workspace: send relationships.workspace');
  if (!ctx.store.workspaces.has(named)) return unknownIdentifier(named, 'workspace');
  const ws = readableWorkspace(ctx, named);
  if (isApiError(ws)) return ws;
  if (ws.organizationId !== scope.organization.id) return invalidValue(`workspace ${named} does not belong to organization ${scope.organization.id}`);
  return ws;
}

export const createJob: Handler<TerrakubeStore> = (ctx) => {
  const scope = jobScope(ctx);
  if (isApiError(scope)) return scope;
  const doc = ctx.body as CreateDocument;
  const orgLink = doc.data.relationships?.organization?.data.id;
  if (orgLink !== undefined && orgLink !== scope.organization.id) return invalidValue(`relationships.organization ${orgLink} is not the organization ${scope.organization.id} of the job`);
  const ws = targetWorkspace(ctx, scope, doc);
  if (isApiError(ws)) return ws;
  if (!canManageJobs(ctx.store, ctx.principal, ws.organizationId)) return denied('CreatePermission');
  const attrs = doc.data.attributes ?? {};
  const team = wantedApprovalTeam(attrs);
  if (team && team.value !== null && !isSuperService(ctx.principal)) return denied('CreatePermission');
  const status = wantedStatus(attrs);
  if (status !== undefined && status !== 'pending') return invalidValue(`a new job starts pending, not ${status}`);

  const store = ctx.store;
  const now = ctx.clock.now();
  const id = store.nextJobId++;
  const job: JobRecord = {
    id,
    organizationId: ws.organizationId,
    workspaceId: ws.id,
    status: 'pending',
    command: null,
    output: null,
    comments: null,
    commitId: null,
    templateReference: null,
    tcl: null,
    via: 'UI',
    refresh: true,
    refreshOnly: false,
    planChanges: true,
    overrideBranch: null,
    terraformPlan: null,
    approvalTeam: team?.value ?? null,
    createdDate: now,
    createdBy: auditName(ctx.principal),
    updatedDate: now,
    updatedBy: auditName(ctx.principal),
    stepIds: [],
    outcome: outcomeFor(store.random, id),
    version: 0,
  };
  applyPlain(job, attrs, changedPlain(attrs, undefined));
  storeJob(store, job);
  resume(store, job, now);
  return { status: 201, body: { data: jobResource(job) } satisfies components['schemas']['JobDocument'] };
};
