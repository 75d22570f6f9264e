/**
 * GET handlers: a job collection (search), one job, an organization, a workspace. Collections are
 * filtered (`filter[job]`), sorted, paged and sparse the Elide way, with `included` for `include=`.
 */
import { isApiError, type ApiError } from '../../../core/api-error.js';
import type { Handler, Reply } from '../../../core/api-module.js';
import type { components } from '../../../generated/terrakube.js';
import { compileJobFilter } from '../filter.js';
import type { JobRecord } from '../model.js';
import { checkRawKeys, pageMeta, readFieldsets, readInclude, readPaging, readSort } from '../query.js';
import { jobResource, organizationResource, stepResource, workspaceResource, type Fieldsets } from '../serialize.js';
import { stepsOf, type TerrakubeStore } from '../store.js';
import { unknownIdentifier } from '../errors.js';
import { jobScope, readableOrganization, readableWorkspace, resolveJob } from './scope.js';

type Schemas = components['schemas'];
type Included = Schemas['IncludedResource'];

/** The compound-document `included` list: each related resource once, in order of first mention. */
export function includedFor(store: TerrakubeStore, jobs: readonly JobRecord[], include: ReadonlySet<string>, fieldsets: Fieldsets): Included[] {
  const seen = new Set<string>();
  const out: Included[] = [];
  const add = (key: string, make: () => Included | undefined) => {
    if (seen.has(key)) return;
    seen.add(key);
    const resource = make();
    if (resource) out.push(resource);
  };
  for (const job of jobs) {
    if (include.has('workspace')) {
      add(`workspace:${job.workspaceId}`, () => {
        const ws = store.workspaces.get(job.workspaceId);
        return ws && workspaceResource(store, ws, fieldsets);
      });
    }
    if (include.has('organization')) {
      add(`organization:${job.organizationId}`, () => {
        const org = store.organizations.get(job.organizationId);
        return org && organizationResource(store, org, fieldsets);
      });
    }
    if (include.has('step')) for (const step of stepsOf(store, job)) add(`step:${step.id}`, () => stepResource(step, fieldsets));
  }
  return out;
}

export const listJobs: Handler<TerrakubeStore> = (ctx): Reply | ApiError => {
  const rawProblem = checkRawKeys(ctx.request.rawQuery);
  if (rawProblem) return rawProblem;
  const scope = jobScope(ctx);
  if (isApiError(scope)) return scope;
  const paging = readPaging(ctx.query);
  if (isApiError(paging)) return paging;
  const include = readInclude(ctx.query['include']);
  if (isApiError(include)) return include;
  const filterText = ctx.query['filter[job]'];
  const predicate = typeof filterText === 'string' ? compileJobFilter(ctx.store, filterText) : undefined;
  if (isApiError(predicate)) return predicate;
  const matches = (job: JobRecord) => scope.contains(job) && (!predicate || predicate(job));
  const sortText = ctx.query['sort'];
  let items: JobRecord[];
  let total = 0;
  if (typeof sortText === 'string' && sortText.length > 0) {
    const comparator = readSort(ctx.store, sortText);
    if (isApiError(comparator)) return comparator;
    const all = [...ctx.store.jobs.values()].filter(matches).sort(comparator);
    total = all.length;
    items = all.slice(paging.offset, paging.offset + paging.limit);
  } else {
    // Jobs are stored in id order, so the default order pages straight off the collection.
    items = ctx.store.jobs.page({ offset: paging.offset, limit: paging.limit, filter: matches }).items;
    if (paging.totals) total = ctx.store.jobs.count(matches);
  }
  const fieldsets = readFieldsets(ctx.query);
  const body: Schemas['JobCollectionDocument'] = { data: items.map((j) => jobResource(j, fieldsets)) };
  if (include.size > 0) body.included = includedFor(ctx.store, items, include, fieldsets);
  if (!paging.isDefault) body.meta = { page: pageMeta(paging, total) };
  return { status: 200, body };
};

export const getJob: Handler<TerrakubeStore> = (ctx) => {
  const found = resolveJob(ctx);
  if (isApiError(found)) return found;
  const include = readInclude(ctx.query['include']);
  if (isApiError(include)) return include;
  const fieldsets = readFieldsets(ctx.query);
  const body: Schemas['JobDocument'] = { data: jobResource(found.job, fieldsets) };
  if (include.size > 0) body.included = includedFor(ctx.store, [found.job], include, fieldsets);
  return { status: 200, body };
};

export const getOrganization: Handler<TerrakubeStore> = (ctx) => {
  const org = readableOrganization(ctx, String(ctx.params['organizationId']));
  if (isApiError(org)) return org;
  const body: Schemas['OrganizationDocument'] = { data: organizationResource(ctx.store, org, readFieldsets(ctx.query)) };
  return { status: 200, body };
};

export const getOrganizationWorkspace: Handler<TerrakubeStore> = (ctx) => {
  const org = readableOrganization(ctx, String(ctx.params['organizationId']));
  if (isApiError(org)) return org;
  const id = String(ctx.params['workspaceId']);
  const ws = ctx.store.workspaces.get(id);
  if (!ws || ws.organizationId !== org.id) return unknownIdentifier(id, 'workspace');
  const readable = readableWorkspace(ctx, id);
  if (isApiError(readable)) return readable;
  const body: Schemas['WorkspaceDocument'] = { data: workspaceResource(ctx.store, readable, readFieldsets(ctx.query)) };
  return { status: 200, body };
};
