/** Broken variants of the tiny contract API: each one a fault the runner must catch, and which check catches it. */
import { ApiError } from '../../../src/core/api-error.js';
import { decodePageToken, encodePageToken } from '../../../src/state/page-token.js';
import { tinyContractApi, type TinyContractStore } from '../tiny-contract-api.js';
import { mapBody, mapReply, replaceHandler, setAt, withAuth, withErrors, withSpec, type Variant, type VariantSet } from './variant.js';

export const tinyVariants: Variant[] = [
  {
    name: 'getJob drops the required owner field',
    caughtBy: { kind: 'response', operationId: 'getJob' },
    apply: (m) => mapBody(m, 'getJob', (job) => setAt(job, ['owner'], undefined)),
  },
  {
    name: 'listJobs sends retries as a string',
    caughtBy: { kind: 'response', operationId: 'listJobs' },
    apply: (m) => mapBody(m, 'listJobs', (page) => ({ ...page, jobs: page.jobs.map((j: object) => ({ ...j, retries: '0' })) })),
  },
  {
    name: 'createJob answers an undocumented 200 instead of 201',
    caughtBy: { kind: 'response', operationId: 'createJob' },
    apply: (m) => mapReply(m, 'createJob', (reply) => ({ ...reply, status: 200 })),
  },
  {
    name: 'errors use another envelope ({ message } instead of { error: { code, message } })',
    caughtBy: { kind: 'response', operationId: 'getJob' },
    apply: (m) => withErrors(m, { render: (error) => ({ status: error.status === 400 ? 400 : error.status, body: { message: error.message } }) }),
  },
  {
    name: 'auth is not enforced',
    caughtBy: { kind: 'auth', operationId: 'listJobs' },
    apply: (m) => withAuth(m, { authenticate: () => ({ id: 'alice', name: 'Alice', roles: [] }) }),
  },
  {
    name: 'createJob does not persist the job',
    caughtBy: { kind: 'flow', operationId: 'getJob' },
    apply: (m) => replaceHandler(m, 'createJob', (original) => (context) => {
      const store = context.store as TinyContractStore;
      const reply = original(context);
      if (!(reply instanceof ApiError)) store.jobs.delete((reply.body as { id: string }).id);
      return reply;
    }),
  },
  {
    name: 'listJobs hands back the same page token forever',
    caughtBy: { kind: 'paging', operationId: 'listJobs' },
    apply: (m) => mapReply(m, 'listJobs', (reply, context) => ({
      ...reply,
      body: { ...(reply.body as object), nextToken: encodePageToken(1, { principal: context.principal.id, query: '' }) },
    })),
  },
  {
    name: 'listJobs skips the first job of every following page',
    caughtBy: { kind: 'paging', operationId: 'listJobs' },
    apply: (m) => mapReply(m, 'listJobs', (reply, context) => {
      const body = reply.body as { nextToken?: string };
      const binding = { principal: context.principal.id, query: '' };
      return body.nextToken ? { ...reply, body: { ...body, nextToken: encodePageToken(decodePageToken(body.nextToken, binding)! + 1, binding) } } : reply;
    }),
  },
  {
    name: 'listEvents ignores the offset (the first page again and again)',
    caughtBy: { kind: 'paging', operationId: 'listEvents' },
    apply: (m) => replaceHandler(m, 'listEvents', (original) => (context) => original({ ...context, query: { ...context.query, offset: 0 } })),
  },
  {
    name: 'a running job goes back to QUEUED instead of finishing',
    caughtBy: { kind: 'lifecycle', operationId: 'getJob' },
    apply: (m) => ({
      ...m,
      advance(store: TinyContractStore, now: number) {
        for (const job of store.jobs.values()) {
          if (job.status === 'QUEUED' && now >= job.createdMs + 1000 && now < job.createdMs + 3000) store.jobs.set(job.id, { ...job, status: 'RUNNING' });
          else if (job.status === 'RUNNING' && now >= job.createdMs + 3000) store.jobs.set(job.id, { ...job, status: 'QUEUED' });
        }
      },
    }),
  },
  {
    name: 'createdAt is not an RFC 3339 date-time',
    caughtBy: { kind: 'response', operationId: 'createJob' },
    apply: (m) => mapBody(m, 'createJob', (job) => ({ ...job, createdAt: '01/01/2025 00:00' })),
  },
  {
    name: 'JSON is served as text/plain',
    caughtBy: { kind: 'response', operationId: 'getJob' },
    apply: (m) => ({ ...m, mediaType: 'text/plain' }),
  },
  {
    name: 'deleteJob answers 204 but keeps the job',
    caughtBy: { kind: 'deleted', operationId: 'getJob' },
    apply: (m) => replaceHandler(m, 'deleteJob', () => () => ({ status: 204 })),
  },
  {
    name: 'createJob accepts a body without the required name',
    caughtBy: { kind: 'invalid-body', operationId: 'createJob' },
    apply: (m) => withSpec(m, (spec) => {
      spec.components!.schemas!['JobInput'] = { type: 'object' };
    }),
  },
  {
    name: 'getJob fails with 500 for an id it does not know',
    caughtBy: { kind: 'unknown-id', operationId: 'getJob' },
    apply: (m) => replaceHandler(m, 'getJob', (original) => (context) => {
      const outcome = original(context);
      if (outcome instanceof ApiError) throw new Error(`no job ${String(context.params['jobId'])}`);
      return outcome;
    }),
  },
  {
    name: 'cancelJob cancels a job that has already finished',
    caughtBy: { kind: 'example', operationId: 'cancelJob' },
    apply: (m) => replaceHandler(m, 'cancelJob', () => ({ store, params }) => {
      const job = (store as TinyContractStore).jobs.get(String(params['jobId']));
      return job ? { status: 200, body: { ...job, createdMs: undefined, status: 'CANCELED' } } : new ApiError('not_found', 'no such job');
    }),
  },
  {
    name: 'createJob leaves out the documented Location header',
    caughtBy: { kind: 'response', operationId: 'createJob' },
    apply: (m) => mapReply(m, 'createJob', (reply) => ({ status: reply.status, body: reply.body })),
  },
];

export const tinyVariantSet: VariantSet = { api: 'tiny', load: async () => tinyContractApi, variants: tinyVariants };
