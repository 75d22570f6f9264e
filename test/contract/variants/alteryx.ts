/**
 * Broken variants of the Alteryx Server API V3 mock: each one a fault a real server or a hand-written
 * fake could have, and the check of the contract runner that catches it.
 */
import { ApiError, isApiError } from '../../../src/core/api-error.js';
import type { ApiModule } from '../../../src/core/api-module.js';
import type { OpenApiDocument } from '../../../src/spec/openapi-types.js';
import { findClient, issueToken } from '../../../src/apis/alteryx/auth.js';
import type { AlteryxStore, StoredJob } from '../../../src/apis/alteryx/store.js';
import { mapBody, mapReply, replaceHandler, setAt, withAuth, withErrors, withSpec, type Variant, type VariantSet } from './variant.js';

type AnyModule = ApiModule<any>;

/**
 * withSpec for a module with precompiled validators: the engine would keep validating with the
 * generated ones, so they go and the engine compiles the changed spec instead.
 */
function withLooseSpec(module: AnyModule, change: (spec: OpenApiDocument) => void): AnyModule {
  const { validators: _precompiled, ...rest } = withSpec(module, change);
  return rest;
}

const jobs = (store: AlteryxStore): StoredJob[] => [...store.jobs.values()];

export const alteryxVariants: Variant[] = [
  {
    name: 'jobsGetJobV3 serialises runWithE2 as the .NET string "False"',
    caughtBy: { kind: 'response', operationId: 'jobsGetJobV3' },
    apply: (m) => mapBody(m, 'jobsGetJobV3', (job) => ({ ...job, runWithE2: job.runWithE2 ? 'True' : 'False' })),
  },
  {
    name: 'workflowsGetJobsForWorkflow leaves out an empty workerTag (a serializer that skips default values)',
    caughtBy: { kind: 'response', operationId: 'workflowsGetJobsForWorkflow' },
    apply: (m) => mapBody(m, 'workflowsGetJobsForWorkflow', (list: { workerTag: string }[]) => list.map((job) => (job.workerTag === '' ? setAt(job, ['workerTag'], undefined) : job))),
  },
  {
    name: 'workflowsEnqueue answers an undocumented 201 instead of 200',
    caughtBy: { kind: 'response', operationId: 'workflowsEnqueue' },
    apply: (m) => mapReply(m, 'workflowsEnqueue', (reply) => ({ ...reply, status: 201 })),
  },
  {
    name: "errors use ASP.NET's default PascalCase ({ Message } instead of { message })",
    caughtBy: { kind: 'response', operationId: 'jobsGetJobV3' },
    apply: (m) =>
      withErrors(m, {
        render: (error, operation) => {
          const reply = m.errors.render(error, operation);
          const body = reply.body as { message?: string };
          return operation?.operationId === 'oauth2Token' || body?.message === undefined ? reply : { ...reply, body: { Message: body.message } };
        },
      }),
  },
  {
    name: 'any request is served as alice, with or without a token (auth not enforced)',
    caughtBy: { kind: 'auth', operationId: 'jobsGetJobV3' },
    apply: (m) => withAuth(m, { authenticate: () => m.auth.anonymous! }),
  },
  {
    name: 'workflowsEnqueue answers the new job but never stores it',
    caughtBy: { kind: 'flow', operationId: 'jobsGetJobV3' },
    apply: (m) =>
      replaceHandler(m, 'workflowsEnqueue', (original) => (context) => {
        const reply = original(context);
        if (!isApiError(reply)) (context.store as AlteryxStore).jobs.delete((reply.body as { id: string }).id);
        return reply;
      }),
  },
  {
    name: 'workflowsGetJobsForWorkflow counts offset from 1, so each page repeats the last job of the one before',
    caughtBy: { kind: 'paging', operationId: 'workflowsGetJobsForWorkflow' },
    apply: (m) =>
      replaceHandler(m, 'workflowsGetJobsForWorkflow', (original) => (context) => {
        const offset = Number(context.query['offset'] ?? 0);
        return original({ ...context, query: { ...context.query, offset: Math.max(0, offset - 1) } });
      }),
  },
  {
    name: 'workflowsGetJobsForWorkflow reads offset as a page number, skipping jobs',
    caughtBy: { kind: 'paging', operationId: 'workflowsGetJobsForWorkflow' },
    apply: (m) =>
      replaceHandler(m, 'workflowsGetJobsForWorkflow', (original) => (context) => {
        const { offset = 0, limit } = context.query as { offset?: number; limit?: number };
        return original({ ...context, query: { ...context.query, offset: limit === undefined ? offset : offset * limit } });
      }),
  },
  {
    name: 'workflowsGetJobsForWorkflow ignores limit and answers every job on each page',
    caughtBy: { kind: 'paging', operationId: 'workflowsGetJobsForWorkflow' },
    apply: (m) =>
      replaceHandler(m, 'workflowsGetJobsForWorkflow', (original) => (context) => {
        const { limit: _ignored, ...query } = context.query;
        return original({ ...context, query });
      }),
  },
  {
    name: 'a retry loop puts every job back in the queue when it completes (Running → Queued)',
    caughtBy: { kind: 'lifecycle', operationId: 'jobsGetJobV3' },
    apply: (m) => ({
      ...m,
      advance(store: AlteryxStore, now: number) {
        const before = new Map(jobs(store).map((s) => [s.job.id, s.job.status]));
        m.advance(store, now);
        for (const s of jobs(store)) {
          if (s.job.status === 'Completed' && before.get(s.job.id) !== 'Completed') Object.assign(s.job, { status: 'Queued', disposition: 'None' });
        }
      },
    }),
  },
  {
    name: 'createDateTime is written with the US culture ("9/19/2024 10:02:54 AM"), not ISO 8601',
    caughtBy: { kind: 'response', operationId: 'jobsGetJobV3' },
    apply: (m) =>
      mapBody(m, 'jobsGetJobV3', (job) => {
        const d = new Date(job.createDateTime);
        const hours = d.getUTCHours() % 12 || 12;
        const pad = (n: number) => String(n).padStart(2, '0');
        const text = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hours}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
        return { ...job, createDateTime: text };
      }),
  },
  {
    name: "JSON is served as text/json (old ASP.NET's second JSON media type)",
    caughtBy: { kind: 'response', operationId: 'jobsGetJobV3' },
    apply: (m) => ({ ...m, mediaType: 'text/json' }),
  },
  {
    name: 'the token endpoint issues a token without checking the secret',
    caughtBy: { kind: 'example', operationId: 'oauth2Token' },
    apply: (m) =>
      replaceHandler(m, 'oauth2Token', (original) => (context) => {
        const user = findClient((context.body as { client_id?: string } | undefined)?.client_id ?? '');
        if (!user) return original(context);
        const store = context.store as AlteryxStore;
        return { status: 200, body: { access_token: issueToken(store, user.principal.id, context.clock.now()), token_type: 'bearer', expires_in: 3600 } };
      }),
  },
  {
    name: 'workflowsEnqueue does not validate priority and fails with 500 on an unknown one',
    caughtBy: { kind: 'invalid-body', operationId: 'workflowsEnqueue' },
    apply: (m) =>
      withLooseSpec(m, (spec) => {
        const contract = spec.components!.schemas!['EnqueueJobContract'] as { properties: Record<string, unknown> };
        contract.properties['priority'] = { type: 'string' };
      }),
  },
  {
    name: 'jobsGetJobV3 fails with 500 for an id it does not know',
    caughtBy: { kind: 'unknown-id', operationId: 'jobsGetJobV3' },
    apply: (m) =>
      replaceHandler(m, 'jobsGetJobV3', (original) => (context) => {
        const outcome = original(context);
        if (outcome instanceof ApiError && outcome.code === 'not_found') throw new TypeError("Cannot read properties of null (reading 'job')");
        return outcome;
      }),
  },
];

export const alteryxVariantSet: VariantSet = {
  api: 'alteryx',
  load: async () => (await import('../../../src/apis/alteryx/index.js')).default,
  variants: alteryxVariants,
};
