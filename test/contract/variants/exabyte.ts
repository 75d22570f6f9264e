/**
 * Broken variants of the exabyte mock: each one a fault a real Meteor/Restivus server or a hand-written
 * fake of the Exabyte jobs API could have, and the check of the contract runner that catches it.
 */
import { ApiError } from '../../../src/core/api-error.js';
import type { Handler, HandlerContext } from '../../../src/core/api-module.js';
import type { ExabyteStore } from '../../../src/apis/exabyte/store.js';
import { mapBody, mapReply, replaceHandler, setAt, withAuth, withErrors, withSpec, type Variant, type VariantSet } from './variant.js';

type Context = HandlerContext<unknown>;
type JobData = { _id: string; status: string; startTime?: string; compute?: Record<string, unknown>; updatedAt?: string };

const ALICE = { id: 'fbdpsNf4oHiX79vMJ', name: 'alice', account: 'fbdpsNf4oHiX79vMJ', roles: [] as string[] };
const store = (context: Context) => context.store as ExabyteStore;

/** Calls a list handler with its `projection` (a JSON query parameter) changed. */
function withProjection(original: Handler<unknown>, change: (projection: Record<string, unknown>) => void): Handler<unknown> {
  return (context) => {
    const text = context.query['projection'];
    if (typeof text !== 'string') return original(context);
    let projection: Record<string, unknown>;
    try {
      projection = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return original(context);
    }
    change(projection);
    return original({ ...context, query: { ...context.query, projection: JSON.stringify(projection) } });
  };
}

export const exabyteVariants: Variant[] = [
  {
    name: 'getJob leaves out the required owner reference',
    caughtBy: { kind: 'response', operationId: 'getJob' },
    apply: (m) => mapBody(m, 'getJob', (reply) => setAt(reply, ['data', 'owner'], undefined)),
  },
  {
    name: 'listJobs sends compute.nodes as a string ("1", as read from a form field)',
    caughtBy: { kind: 'response', operationId: 'listJobs' },
    apply: (m) => mapBody(m, 'listJobs', (reply) => ({
      ...reply,
      data: reply.data.map((job: JobData) => (job.compute ? { ...job, compute: { ...job.compute, nodes: String(job.compute['nodes']) } } : job)),
    })),
  },
  {
    name: 'createJob answers 201 Created, a status the API does not document (it answers 200)',
    caughtBy: { kind: 'response', operationId: 'createJob' },
    apply: (m) => mapReply(m, 'createJob', (reply) => ({ ...reply, status: 201 })),
  },
  {
    name: 'errors are not JSend ({ status: "error", message } without data)',
    caughtBy: { kind: 'response', operationId: 'getJob' },
    apply: (m) => withErrors(m, { render: (error) => ({ status: error.status, body: { status: 'error', message: error.message } }) }),
  },
  {
    name: 'requests without credentials are served as the first account (auth left off)',
    caughtBy: { kind: 'auth', operationId: 'listJobs' },
    apply: (m) => withAuth(m, {
      authenticate: (request, s, clock) => (request.headers['x-auth-token'] ? m.auth.authenticate(request, s, clock) : ALICE),
    }),
  },
  {
    name: 'createJob answers the new job but does not store it',
    caughtBy: { kind: 'flow', operationId: 'getJob' },
    apply: (m) => replaceHandler(m, 'createJob', (original) => (context) => {
      const reply = original(context);
      if (!(reply instanceof ApiError)) store(context).jobs.delete((reply.body as { data: JobData }).data._id);
      return reply;
    }),
  },
  {
    name: 'listJobs ignores projection.skip (the first page again and again)',
    caughtBy: { kind: 'paging', operationId: 'listJobs' },
    apply: (m) => replaceHandler(m, 'listJobs', (original) => withProjection(original, (p) => delete p['skip'])),
  },
  {
    name: 'listJobs skips one job at every page boundary (skip + 1)',
    caughtBy: { kind: 'paging', operationId: 'listJobs' },
    apply: (m) => replaceHandler(m, 'listJobs', (original) => withProjection(original, (p) => {
      if (typeof p['skip'] === 'number' && p['skip'] > 0) p['skip'] += 1;
    })),
  },
  {
    name: 'listJobs caps projection.limit at 500 instead of refusing a larger one',
    caughtBy: { kind: 'example', operationId: 'listJobs' },
    apply: (m) => replaceHandler(m, 'listJobs', (original) => withProjection(original, (p) => {
      if (typeof p['limit'] === 'number' && p['limit'] > 500) p['limit'] = 500;
    })),
  },
  {
    name: 'a job active for 20 minutes is put back to queued (preempted), a transition the lifecycle does not have',
    caughtBy: { kind: 'lifecycle', operationId: 'getJob' },
    apply: (m) => ({
      ...m,
      advance(s: ExabyteStore, now: number) {
        m.advance(s, now);
        for (const job of s.jobs.values()) {
          if (job.status === 'active' && job.startTime && now - Date.parse(job.startTime) >= 20 * 60_000) job.status = 'queued';
        }
      },
    }),
  },
  {
    name: 'updateJob writes updatedAt with Date.toString() instead of ISO 8601',
    caughtBy: { kind: 'response', operationId: 'updateJob' },
    apply: (m) => mapBody(m, 'updateJob', (reply) => setAt(reply, ['data', 'updatedAt'], new Date(Date.parse(reply.data.updatedAt)).toString())),
  },
  {
    name: 'JSON is served as text/html (Meteor WebApp default content type)',
    caughtBy: { kind: 'response', operationId: 'getJob' },
    apply: (m) => ({ ...m, mediaType: 'text/html; charset=utf-8' }),
  },
  {
    name: 'deleteJob answers success but keeps the job',
    caughtBy: { kind: 'deleted', operationId: 'getJob' },
    apply: (m) => replaceHandler(m, 'deleteJob', () => (context) => {
      const id = String(context.params['id']);
      const job = store(context).jobs.get(id);
      if (!job || job.owner._id !== context.principal.account) return new ApiError('not_found', `Job ${id} not found`);
      return { status: 200, body: { status: 'success', data: { message: `Job ${id} successfully deleted` } } };
    }),
  },
  {
    name: 'login accepts any password for a known username',
    caughtBy: { kind: 'example', operationId: 'login' },
    apply: (m) => replaceHandler(m, 'login', (original) => (context) => {
      const body = context.body as { username?: unknown } | undefined;
      const password = body?.username === 'alice' ? 'alice-dev-password' : body?.username === 'bob' ? 'bob-dev-password' : undefined;
      return original(password ? { ...context, body: { ...body, password } } : context);
    }),
  },
  {
    name: 'submitJob answers 200 for a job that has already finished (no status check)',
    caughtBy: { kind: 'example', operationId: 'submitJob' },
    apply: (m) => replaceHandler(m, 'submitJob', (original) => (context) => {
      const job = store(context).jobs.get(String(context.params['id']));
      if (job && job.owner._id === context.principal.account && job.status !== 'pre-submission') return { status: 200, body: { status: 'success', data: structuredClone(job) } };
      return original(context);
    }),
  },
  {
    name: "getJob crashes (500) on an id it does not know (reads a property of undefined)",
    caughtBy: { kind: 'unknown-id', operationId: 'getJob' },
    apply: (m) => replaceHandler(m, 'getJob', (original) => (context) => {
      if (!store(context).jobs.has(String(context.params['id']))) throw new TypeError("Cannot read properties of undefined (reading 'owner')");
      return original(context);
    }),
  },
  {
    name: 'createJob does not validate its body (a _material of the wrong type or an unknown queue is stored)',
    caughtBy: { kind: 'invalid-body', operationId: 'createJob' },
    apply: (m) => {
      const loose = withSpec(m, (spec) => {
        spec.components!.schemas!['JobCreate'] = { type: 'object' };
      });
      // The precompiled validators belong to the original spec: compile the loosened copy's instead.
      return { ...loose, validators: undefined };
    },
  },
];

export const exabyteVariantSet: VariantSet = {
  api: 'exabyte',
  load: async () => (await import('../../../src/apis/registry.js')).BUILTIN_MODULES.exabyte,
  variants: exabyteVariants,
};
