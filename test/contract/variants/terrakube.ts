/**
 * Broken variants of the terrakube module: faults a real Terrakube/Elide deployment or a hand-written
 * fake of it could have, and the check of the contract runner that catches each one.
 */
import { isApiError, type ApiError } from '../../../src/core/api-error.js';
import type { ApiModule, AuthScheme, Handler, HandlerContext, Reply } from '../../../src/core/api-module.js';
import { denied } from '../../../src/apis/terrakube/errors.js';
import { resolveJob } from '../../../src/apis/terrakube/handlers/scope.js';
import { FIXTURE_EPOCH, type TerrakubeStore } from '../../../src/apis/terrakube/store.js';
import { mapBody, mapReply, replaceHandler, withAuth, withErrors, withSpec, type Variant, type VariantSet } from './variant.js';

type Ctx = HandlerContext<TerrakubeStore>;
type JobBody = { data: { id: string; type?: string; attributes: Record<string, unknown> } };

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 500: 'Internal Server Error' };

/** `2025-01-01T00:00Z` as `Date.prototype.toISOString` would write it: `2025-01-01T00:00:00.000Z`. */
const isoDate = (value: unknown) => (typeof value === 'string' ? value.replace(/Z$/, ':00.000Z') : value);

/** The list handler with one page parameter rewritten before it runs. */
function withPageNumber(module: ApiModule<any>, operationId: string, change: (page: number | undefined) => number | undefined): ApiModule<any> {
  return replaceHandler(module, operationId, (original) => (context) => {
    const page = change(context.query['page[number]'] as number | undefined);
    return original({ ...context, query: { ...context.query, ...(page === undefined ? {} : { 'page[number]': page }) } });
  });
}

/** Changes the errors one operation's handler returns (successful replies pass through). */
function mapError(module: ApiModule<any>, operationId: string, change: (error: ApiError) => ApiError): ApiModule<any> {
  return replaceHandler(module, operationId, (original) => (context) => {
    const outcome = original(context);
    return isApiError(outcome) ? change(outcome) : outcome;
  });
}

export const terrakubeVariants: Variant[] = [
  {
    name: 'getWorkspaceJob sends the job id as a JSON number (JSON:API ids are strings)',
    caughtBy: { kind: 'response', operationId: 'getWorkspaceJob' },
    apply: (m) => mapBody(m, 'getWorkspaceJob', (doc: JobBody) => ({ ...doc, data: { ...doc.data, id: Number(doc.data.id) } })),
  },
  {
    name: 'listOrganizationJobs leaves the resource type out of each job',
    caughtBy: { kind: 'response', operationId: 'listOrganizationJobs' },
    apply: (m) => mapBody(m, 'listOrganizationJobs', (doc: { data: JobBody['data'][] }) => ({ ...doc, data: doc.data.map(({ type: _type, ...job }) => job) })),
  },
  {
    name: 'updateWorkspaceJob answers an undocumented 200 with the job instead of 204',
    caughtBy: { kind: 'response', operationId: 'updateWorkspaceJob' },
    apply: (m) => {
      const read = m.handlers['getWorkspaceJob'] as Handler<TerrakubeStore>;
      return mapReply(m, 'updateWorkspaceJob', (reply, context) => {
        const job = read({ ...(context as Ctx), query: {} });
        return isApiError(job) ? reply : { ...job, status: 200 };
      });
    },
  },
  {
    name: 'errors carry JSON:API status and title members (a generic JSON:API error mapper, not Elide 7)',
    caughtBy: { kind: 'response', operationId: 'getWorkspaceJob' },
    apply: (m) => withErrors(m, {
      render(error, operation) {
        const reply: Reply = m.errors.render(error, operation);
        const body = reply.body as { errors: { detail: string }[] };
        return { ...reply, body: { errors: body.errors.map((e) => ({ status: String(reply.status), title: TITLES[reply.status] ?? 'Error', detail: e.detail })) } };
      },
    }),
  },
  {
    name: 'GET requests without a token are served as the first user (permitAll on GET in the security config)',
    caughtBy: { kind: 'auth', operationId: 'listWorkspaceJobs' },
    apply: (m) => {
      const original = m.auth as AuthScheme<TerrakubeStore>;
      const alice = original.devCredentials()[0]!.principal;
      return withAuth(m, {
        authenticate: (request, store, clock) => (request.method === 'GET' && !request.headers['authorization'] ? alice : original.authenticate(request, store, clock)),
      });
    },
  },
  {
    name: 'createWorkspaceJob answers 201 but does not keep the job',
    caughtBy: { kind: 'flow', operationId: 'getWorkspaceJob' },
    apply: (m) => replaceHandler(m, 'createWorkspaceJob', (original) => (context) => {
      const reply = original(context);
      if (!isApiError(reply)) (context.store as TerrakubeStore).jobs.delete((reply.body as JobBody).data.id);
      return reply;
    }),
  },
  {
    name: 'listWorkspaceJobs ignores page[number] (the first page again and again)',
    caughtBy: { kind: 'paging', operationId: 'listWorkspaceJobs' },
    apply: (m) => withPageNumber(m, 'listWorkspaceJobs', (page) => (page === undefined ? undefined : 1)),
  },
  {
    name: 'listOrganizationJobs counts page[number] from 0 (the first page is never served)',
    caughtBy: { kind: 'paging', operationId: 'listOrganizationJobs' },
    apply: (m) => withPageNumber(m, 'listOrganizationJobs', (page) => (page === undefined ? undefined : page + 1)),
  },
  {
    name: 'the scheduler keeps the trigger of a finished job, which is queued again 10 s later (completed/failed → queue)',
    caughtBy: { kind: 'lifecycle', operationId: 'getWorkspaceJob' },
    apply: (m) => ({
      ...m,
      advance(store: TerrakubeStore, now: number) {
        m.advance?.(store, now);
        for (const job of store.jobs.values()) {
          // Jobs that finished during the run (fixture history ended before FIXTURE_EPOCH).
          const rerun = (job.status === 'completed' || job.status === 'failed') && job.updatedDate > FIXTURE_EPOCH && now >= job.updatedDate + 10_000;
          if (rerun) store.jobs.set(String(job.id), { ...job, status: 'queue', version: job.version + 1 });
        }
      },
    }),
  },
  {
    name: 'dates are written with toISOString() (seconds and milliseconds) instead of Elide\'s yyyy-MM-dd\'T\'HH:mm\'Z\'',
    caughtBy: { kind: 'response', operationId: 'getOrganizationJob' },
    apply: (m) => mapBody(m, 'getOrganizationJob', (doc: JobBody) => {
      const attributes = doc.data.attributes;
      return { ...doc, data: { ...doc.data, attributes: { ...attributes, createdDate: isoDate(attributes['createdDate']), updatedDate: isoDate(attributes['updatedDate']) } } };
    }),
  },
  {
    name: 'JSON:API documents are served as application/json instead of application/vnd.api+json',
    caughtBy: { kind: 'response', operationId: 'getWorkspaceJob' },
    apply: (m) => ({ ...m, mediaType: 'application/json' }),
  },
  {
    name: 'deleteWorkspaceJob answers 204 but keeps the job',
    caughtBy: { kind: 'deleted', operationId: 'getWorkspaceJob' },
    apply: (m) => replaceHandler(m, 'deleteWorkspaceJob', () => (context) => {
      const found = resolveJob(context as Ctx);
      return isApiError(found) ? found : { status: 204 };
    }),
  },
  {
    name: 'updateWorkspaceJob ignores data.id and changes the job of the URL (Elide refuses a body naming another job)',
    caughtBy: { kind: 'flow', operationId: 'updateWorkspaceJob' },
    apply: (m) => replaceHandler(m, 'updateWorkspaceJob', (original) => (context) => {
      const body = context.body as JobBody;
      return original({ ...context, body: { ...body, data: { ...body.data, id: String(context.params['jobId']) } } });
    }),
  },
  {
    name: 'getOrganizationJob answers 403 for a job that does not exist (permission checked before existence)',
    caughtBy: { kind: 'unknown-id', operationId: 'getOrganizationJob' },
    apply: (m) => mapError(m, 'getOrganizationJob', (error) => (error.status === 404 ? denied('ReadPermission') : error)),
  },
  {
    name: 'createOrganizationJob has no request validation and fails with 500 on a body without data',
    caughtBy: { kind: 'invalid-body', operationId: 'createOrganizationJob' },
    // The generated validators are precompiled from the original spec: drop them so the loosened copy is used.
    apply: (m) => ({
      ...withSpec(m, (spec) => {
        spec.components!.schemas!['JobCreateDocument'] = { type: 'object' };
      }),
      validators: undefined,
    }),
  },
];

export const terrakubeVariantSet: VariantSet = {
  api: 'terrakube',
  load: async () => (await import('../../../src/apis/registry.js')).BUILTIN_MODULES.terrakube,
  variants: terrakubeVariants,
};
