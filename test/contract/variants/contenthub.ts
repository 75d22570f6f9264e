/**
 * Broken variants of the Content Hub mock: each one a fault a real Content Hub deployment or a
 * hand-written fake of it could have, and the check of the contract runner that catches it.
 */
import { ApiError } from '../../../src/core/api-error.js';
import type { Handler, HandlerContext } from '../../../src/core/api-module.js';
import { findTarget, removeTarget } from '../../../src/apis/contenthub/entities.js';
import type { ContentHubStore } from '../../../src/apis/contenthub/store.js';
import { mapBody, mapReply, replaceHandler, setAt, withAuth, withErrors, withSpec, type Variant, type VariantSet } from './variant.js';

const storeOf = (context: HandlerContext<unknown>) => context.store as ContentHubStore;

/** The handler with the page's `skip` changed before it runs (`take` likewise when given). */
const withPaging = (change: (q: { skip: number; take: number | undefined }) => { skip: number; take: number | undefined }) => (original: Handler<unknown>) => (context: HandlerContext<unknown>) => {
  const next = change({ skip: (context.query['skip'] as number | undefined) ?? 0, take: context.query['take'] as number | undefined });
  return original({ ...context, query: { ...context.query, skip: next.skip, ...(next.take === undefined ? {} : { take: next.take }) } });
};

/** .NET's default `DateTime.ToString()` in the en-US culture: `12/31/2024 11:20:01 PM`. */
function dotNetDate(iso: string): string {
  const d = new Date(iso);
  const h = d.getUTCHours() % 12 || 12;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
}

export const contenthubVariants: Variant[] = [
  {
    name: 'getJob sends Job.TargetCount as a string',
    caughtBy: { kind: 'response', operationId: 'getJob' },
    apply: (m) => mapBody(m, 'getJob', (job) => setAt(job, ['properties', 'Job.TargetCount'], String(job.properties['Job.TargetCount']))),
  },
  {
    name: 'listJobTargets leaves out the required total_items',
    caughtBy: { kind: 'response', operationId: 'listJobTargets' },
    apply: (m) => mapBody(m, 'listJobTargets', (page) => setAt(page, ['total_items'], undefined)),
  },
  {
    name: 'createJobTarget answers an undocumented 200 instead of 201',
    caughtBy: { kind: 'response', operationId: 'createJobTarget' },
    apply: (m) => mapReply(m, 'createJobTarget', (reply) => ({ ...reply, status: 200 })),
  },
  {
    name: 'errors come as ASP.NET Core ProblemDetails ({ title, status }) instead of { message, errors? }',
    caughtBy: { kind: 'response', operationId: 'getJob' },
    apply: (m) => withErrors(m, { render: (error) => ({ status: error.status, body: { type: 'https://tools.ietf.org/html/rfc9110', title: error.message, status: error.status } }) }),
  },
  {
    name: 'JSON is served as text/json (the legacy ASP.NET formatter)',
    caughtBy: { kind: 'response', operationId: 'getJob' },
    apply: (m) => ({ ...m, mediaType: 'text/json' }),
  },
  {
    name: 'getJobTarget writes dates as .NET DateTime.ToString() (12/31/2024 11:20:01 PM)',
    caughtBy: { kind: 'response', operationId: 'getJobTarget' },
    apply: (m) => mapBody(m, 'getJobTarget', (target) => ({ ...target, created_on: dotNetDate(target.created_on), modified_on: dotNetDate(target.modified_on) })),
  },
  {
    name: 'the bearer token is not checked (every request acts as alice)',
    caughtBy: { kind: 'auth', operationId: 'listJobTargets' },
    apply: (m) => withAuth(m, { authenticate: () => ({ id: '31017', name: 'alice', roles: [] }) }),
  },
  {
    name: 'permissions are not checked: every signed-in user may read (and change) every job',
    caughtBy: { kind: 'example', operationId: 'getJob' },
    apply: (m) => withAuth(m, {
      authenticate: (request, store, clock) => {
        const principal = m.auth.authenticate(request, store, clock);
        return principal instanceof ApiError ? principal : { ...principal, roles: ['superuser'] };
      },
    }),
  },
  {
    name: 'createJobTarget answers 201 with an id but does not store the target',
    caughtBy: { kind: 'flow', operationId: 'getJobTarget' },
    apply: (m) => replaceHandler(m, 'createJobTarget', (original) => (context) => {
      const reply = original(context);
      if (reply instanceof ApiError) return reply;
      const store = storeOf(context);
      const job = store.jobs.get(context.params['id'] as number)!;
      removeTarget(store, job, findTarget(job, (reply.body as { id: number }).id)!);
      return reply;
    }),
  },
  {
    name: 'createJobTarget’s Location points at the targets list, not at the new target',
    caughtBy: { kind: 'flow', operationId: 'getJobTarget' },
    apply: (m) => mapReply(m, 'createJobTarget', (reply) => ({ ...reply, headers: { ...reply.headers, location: reply.headers!['location']!.replace(/\/[0-9]+$/, '') } })),
  },
  {
    name: 'listJobTargets pages overlap by one (skip - 1 after the first page)',
    caughtBy: { kind: 'paging', operationId: 'listJobTargets' },
    apply: (m) => replaceHandler(m, 'listJobTargets', withPaging(({ skip, take }) => ({ skip: skip > 0 ? skip - 1 : 0, take }))),
  },
  {
    name: 'listJobTargets skips a target at every page boundary (skip + 1 after the first page)',
    caughtBy: { kind: 'paging', operationId: 'listJobTargets' },
    apply: (m) => replaceHandler(m, 'listJobTargets', withPaging(({ skip, take }) => ({ skip: skip > 0 ? skip + 1 : 0, take }))),
  },
  {
    name: 'listJobTargets ignores take (always pages of 25)',
    caughtBy: { kind: 'paging', operationId: 'listJobTargets' },
    apply: (m) => replaceHandler(m, 'listJobTargets', withPaging(({ skip }) => ({ skip, take: 25 }))),
  },
  {
    name: 'listJobTargets caps take at 50, not at the documented 100',
    caughtBy: { kind: 'paging', operationId: 'listJobTargets' },
    apply: (m) => replaceHandler(m, 'listJobTargets', withPaging(({ skip, take }) => ({ skip, take: take === undefined ? undefined : Math.min(take, 50) }))),
  },
  {
    name: 'the worker’s retry loop picks finished targets up again (Completed → InProgress)',
    caughtBy: { kind: 'lifecycle', operationId: 'getJobTarget' },
    apply: (m) => ({
      ...m,
      advance(store: ContentHubStore, now: number) {
        m.advance(store, now);
        for (const job of store.jobs.values()) {
          if (job.state !== 'InProgress') continue;
          for (const target of job.targets.values()) {
            if (target.state === 'Completed' && target.endedOn !== null && now - target.endedOn >= 20_000) Object.assign(target, { state: 'InProgress', condition: 'None' });
          }
        }
      },
    }),
  },
  {
    name: 'deleteJobTarget answers 204 but keeps the target',
    caughtBy: { kind: 'deleted', operationId: 'getJobTarget' },
    apply: (m) => replaceHandler(m, 'deleteJobTarget', () => (context) => {
      const read = m.handlers['getJobTarget']!({ ...context, query: {} });
      return read instanceof ApiError ? read : { status: 204 };
    }),
  },
  {
    name: 'deleteJobDescription answers 204 but keeps the description',
    caughtBy: { kind: 'deleted', operationId: 'getJobDescription' },
    apply: (m) => replaceHandler(m, 'deleteJobDescription', () => (context) => {
      const read = m.handlers['getJobDescription']!({ ...context, query: {} });
      return read instanceof ApiError ? read : { status: 204 };
    }),
  },
  {
    name: 'deleteJobDescription answers 204 for a job that has no description (an "idempotent" delete)',
    caughtBy: { kind: 'example', operationId: 'deleteJobDescription' },
    apply: (m) => replaceHandler(m, 'deleteJobDescription', (original) => (context) => {
      const outcome = original(context);
      return outcome instanceof ApiError && outcome.status === 404 && storeOf(context).jobs.has(context.params['id'] as number) ? { status: 204 } : outcome;
    }),
  },
  {
    name: 'getJobTarget fails with 500 for a target id it does not know',
    caughtBy: { kind: 'unknown-id', operationId: 'getJobTarget' },
    apply: (m) => replaceHandler(m, 'getJobTarget', (original) => (context) => {
      const outcome = original(context);
      if (outcome instanceof ApiError && outcome.status === 404) throw new TypeError("Cannot read properties of null (reading 'Properties')");
      return outcome;
    }),
  },
  {
    name: 'putJobTarget accepts a body without properties (the state silently becomes Pending)',
    caughtBy: { kind: 'invalid-body', operationId: 'putJobTarget' },
    apply: (m) => ({
      // The server's own validation, loosened; precompiled validators dropped so the loosened spec is the one compiled.
      ...withSpec(m, (spec) => {
        const schemas = spec.components!.schemas! as Record<string, any>;
        delete schemas['JobTargetReplace'].allOf[1].required;
        delete schemas['JobTargetPropertiesReplace'].required;
      }),
      validators: undefined,
    }),
  },
];

export const contenthubVariantSet: VariantSet = {
  api: 'contenthub',
  load: async () => (await import('../../../src/apis/registry.js')).BUILTIN_MODULES.contenthub,
  variants: contenthubVariants,
};
