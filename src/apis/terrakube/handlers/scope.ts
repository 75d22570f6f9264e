/**
 * Resolving the resources a URL names, in the order Elide walks them: the organization or workspace
 * first (404 when unknown, disabled or deleted — their `@SQLRestriction`s hide those rows; 403
 * `ReadPermission Denied` when the caller is not a member), then the job inside that collection
 * (404 `Unknown identifier <id> for job` when it is not there, even if it exists elsewhere).
 */
import { isApiError, type ApiError } from '../../../core/api-error.js';
import type { HandlerContext } from '../../../core/api-module.js';
import { denied, unknownIdentifier } from '../errors.js';
import { parseJobId } from '../ids.js';
import type { JobRecord, OrganizationRecord, WorkspaceRecord } from '../model.js';
import { belongsToOrganization } from '../permissions.js';
import { getJob, type TerrakubeStore } from '../store.js';

export type Ctx = HandlerContext<TerrakubeStore>;

/** The collection a route addresses: an organization's jobs or a workspace's jobs. */
export interface JobScope {
  organization: OrganizationRecord;
  workspace: WorkspaceRecord | undefined;
  contains(job: JobRecord): boolean;
}

export function readableOrganization(ctx: Ctx, id: string): OrganizationRecord | ApiError {
  const org = ctx.store.organizations.get(id);
  if (!org || org.disabled) return unknownIdentifier(id, 'organization');
  if (!belongsToOrganization(ctx.store, ctx.principal, org.id)) return denied('ReadPermission');
  return org;
}

/** A workspace the caller can read (`team view workspace`: a member of its organization's teams). */
export function readableWorkspace(ctx: Ctx, id: string): WorkspaceRecord | ApiError {
  const ws = ctx.store.workspaces.get(id);
  const org = ws ? ctx.store.organizations.get(ws.organizationId) : undefined;
  if (!ws || ws.deleted || !org || org.disabled) return unknownIdentifier(id, 'workspace');
  if (!belongsToOrganization(ctx.store, ctx.principal, ws.organizationId)) return denied('ReadPermission');
  return ws;
}

export function jobScope(ctx: Ctx): JobScope | ApiError {
  const orgId = ctx.params['organizationId'];
  if (typeof orgId === 'string') {
    const organization = readableOrganization(ctx, orgId);
    if (isApiError(organization)) return organization;
    return { organization, workspace: undefined, contains: (job) => job.organizationId === organization.id };
  }
  const workspace = readableWorkspace(ctx, String(ctx.params['workspaceId']));
  if (isApiError(workspace)) return workspace;
  const organization = ctx.store.organizations.get(workspace.organizationId)!;
  return { organization, workspace, contains: (job) => job.workspaceId === workspace.id };
}

/** The job `{jobId}` of the scope. */
export function jobInScope(ctx: Ctx, scope: JobScope): JobRecord | ApiError {
  const text = String(ctx.params['jobId']);
  const id = parseJobId(text);
  const job = id === undefined ? undefined : getJob(ctx.store, id);
  if (!job || !scope.contains(job)) return unknownIdentifier(text, 'job');
  return job;
}

/** Resolves scope and job together (the single-job routes). */
export function resolveJob(ctx: Ctx): { scope: JobScope; job: JobRecord } | ApiError {
  const scope = jobScope(ctx);
  if (isApiError(scope)) return scope;
  const job = jobInScope(ctx, scope);
  if (isApiError(job)) return job;
  return { scope, job };
}
