/**
 * Broken variants of the iot mock (AWS IoT Jobs behind the seed's REST facade): each one a bug a real
 * server or a hand-written fake of it could plausibly have, and the check that catches it.
 */
import { ApiError } from '../../../src/core/api-error.js';
import type { ApiModule, Handler, HandlerContext } from '../../../src/core/api-module.js';
import type { Principal } from '../../../src/core/principal.js';
import { purgeJob } from '../../../src/apis/iot/fleet.js';
import type { IotStore, JobRecord } from '../../../src/apis/iot/store.js';
import { mapBody, mapReply, replaceHandler, withAuth, withErrors, withSpec, type Variant, type VariantSet } from './variant.js';

type AnyModule = ApiModule<any>;
type IotContext = HandlerContext<IotStore>;

/** The mock's clock starts at 2025-01-01T00:00:00Z: what the fixtures hold is older. */
const START_SECONDS = 1735689600;

const jobsOf = (store: IotStore): JobRecord[] => [...store.scopes.values()].flatMap((scope) => [...scope.jobs.values()]);

/** The job a request's path names (in any scope: the variants are driven by one dev user). */
const jobOf = (context: HandlerContext<unknown>): JobRecord | undefined => jobsOf((context as IotContext).store).find((j) => j.jobId === context.params['jobId']);

/** Like withSpec, but also drops the precompiled validators, so the engine validates requests with the loosened spec. */
function withLooserSpec(module: AnyModule, change: Parameters<typeof withSpec>[1]): AnyModule {
  const { validators: _precompiled, ...rest } = withSpec(module, change);
  return rest as AnyModule;
}

/** Calls a handler with other query parameters (as a server reading the wrong parameter would). */
function withQuery(original: Handler<unknown>, context: HandlerContext<unknown>, query: Record<string, unknown>): ReturnType<Handler<unknown>> {
  return original({ ...context, query: { ...context.query, ...query } });
}

const isoDate = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : seconds);

export const iotVariants: Variant[] = [
  {
    name: 'describeJob sends createdAt / lastUpdatedAt as ISO 8601 strings (the seed shows strings; AWS sends epoch seconds)',
    caughtBy: { kind: 'response', operationId: 'describeJob' },
    apply: (m) => mapBody(m, 'describeJob', (body) => ({ job: { ...body.job, createdAt: isoDate(body.job.createdAt), lastUpdatedAt: isoDate(body.job.lastUpdatedAt) } })),
  },
  {
    name: "listJobExecutionsForJob sends executionNumber as a string, as the seed's table does",
    caughtBy: { kind: 'response', operationId: 'listJobExecutionsForJob' },
    apply: (m) => mapBody(m, 'listJobExecutionsForJob', (page) => ({
      ...page,
      jobExecutions: page.jobExecutions.map((e: { jobExecution: { executionNumber: number } }) => ({ ...e, jobExecution: { ...e.jobExecution, executionNumber: String(e.jobExecution.executionNumber) } })),
    })),
  },
  {
    name: "createJob answers only the seed's { created: true }, without the required jobArn and jobId",
    caughtBy: { kind: 'response', operationId: 'createJob' },
    apply: (m) => mapBody(m, 'createJob', () => ({ created: true })),
  },
  {
    name: 'createJob answers an undocumented 201 (REST habit) instead of 200',
    caughtBy: { kind: 'response', operationId: 'createJob' },
    apply: (m) => mapReply(m, 'createJob', (reply) => ({ ...reply, status: 201 })),
  },
  {
    name: "errors use AWS's own JSON body { message } instead of the seed's { error, code }",
    caughtBy: { kind: 'response', operationId: 'describeJob' },
    apply: (m) => withErrors(m, {
      render(error, operation) {
        const reply = m.errors.render(error, operation);
        return { ...reply, body: { message: (reply.body as { error: string }).error } };
      },
    }),
  },
  {
    name: 'an unsigned request acts as the first dev user (auth not enforced)',
    caughtBy: { kind: 'auth', operationId: 'listJobs' },
    apply: (m) => {
      const alice = m.auth.devCredentials()[0]!.principal as Principal;
      return withAuth(m, { authenticate: (request, store, clock) => (request.headers['authorization'] === undefined ? alice : m.auth.authenticate(request, store, clock)) });
    },
  },
  {
    name: 'an unsigned request gets 401 UnauthorizedException (AWS answers 403, the only status the spec documents)',
    caughtBy: { kind: 'response', operationId: 'listJobs' },
    apply: (m) => withErrors(m, {
      render(error, operation) {
        const reply = m.errors.render(error, operation);
        if ((reply.body as { code?: string }).code !== 'MissingAuthenticationTokenException') return reply;
        return { ...reply, status: 401, body: { error: 'Unauthorized', code: 'UnauthorizedException' }, headers: { ...reply.headers, 'x-amzn-errortype': 'UnauthorizedException' } };
      },
    }),
  },
  {
    name: 'createJob answers 200 but does not keep the job',
    caughtBy: { kind: 'flow', operationId: 'describeJob' },
    apply: (m) => replaceHandler(m, 'createJob', (original) => (context) => {
      const reply = original(context);
      if (reply instanceof ApiError) return reply;
      const jobId = (reply.body as { jobId: string }).jobId;
      for (const scope of (context.store as IotStore).scopes.values()) {
        const job = scope.jobs.get(jobId);
        if (job) purgeJob(scope, job);
      }
      return reply;
    }),
  },
  {
    name: 'cancelJob cancels the executions but does not save the job\'s new status: it stays IN_PROGRESS, so deleting it without force is refused',
    caughtBy: { kind: 'flow', operationId: 'deleteJob' },
    apply: (m) => replaceHandler(m, 'cancelJob', (original) => (context) => {
      const job = jobOf(context);
      const before = job?.status;
      const reply = original(context);
      if (job && before && !(reply instanceof ApiError)) job.status = before;
      return reply;
    }),
  },
  {
    name: 'listJobs reads the token from another parameter, so every page is the first one (and its token never ends)',
    caughtBy: { kind: 'paging', operationId: 'listJobs' },
    apply: (m) => replaceHandler(m, 'listJobs', (original) => (context) => withQuery(original, context, { nextToken: undefined })),
  },
  {
    name: 'listJobExecutionsForJob returns maxResults + 1 items, and the next page repeats the extra one',
    caughtBy: { kind: 'paging', operationId: 'listJobExecutionsForJob' },
    apply: (m) => replaceHandler(m, 'listJobExecutionsForJob', (original) => (context) => {
      const limit = (context.query['maxResults'] as number | undefined) ?? 50;
      const page = original(context);
      const more = withQuery(original, context, { maxResults: limit + 1 });
      if (page instanceof ApiError || more instanceof ApiError) return page;
      return { ...page, body: { ...(page.body as object), jobExecutions: (more.body as { jobExecutions: unknown[] }).jobExecutions } };
    }),
  },
  {
    name: 'listJobExecutionsForThing leaves out nextToken, so a client never sees the second page',
    caughtBy: { kind: 'paging', operationId: 'listJobExecutionsForThing' },
    apply: (m) => mapBody(m, 'listJobExecutionsForThing', ({ nextToken: _dropped, ...page }) => page),
  },
  {
    name: 'listJobs is served from a cache built at start-up: a new job is never listed',
    caughtBy: { kind: 'listed', operationId: 'listJobs' },
    apply: (m) => mapBody(m, 'listJobs', (page) => ({ ...page, jobs: page.jobs.filter((j: { createdAt: number }) => j.createdAt < START_SECONDS) })),
  },
  {
    name: 'a sweeper marks a CANCELED job COMPLETED a minute after its last execution ended (CANCELED → COMPLETED)',
    caughtBy: { kind: 'lifecycle', operationId: 'describeJob' },
    apply: (m) => ({
      ...m,
      advance(store: IotStore, now: number) {
        m.advance?.(store, now);
        for (const job of jobsOf(store)) {
          if (job.status === 'CANCELED' && job.counts.QUEUED + job.counts.IN_PROGRESS === 0 && now - job.lastUpdatedAt >= 60_000) {
            job.status = 'COMPLETED';
            job.completedAt = now;
          }
        }
      },
    }),
  },
  {
    name: 'deleteJob answers 200 but never records the deletion (the job keeps its status and stays)',
    caughtBy: { kind: 'deleted', operationId: 'describeJob' },
    apply: (m) => replaceHandler(m, 'deleteJob', (original) => (context) => {
      const job = jobOf(context);
      const before = job?.status;
      const reply = original(context);
      // Its purge only removes a job that is DELETION_IN_PROGRESS: this one never goes.
      if (job && before && !(reply instanceof ApiError)) job.status = before;
      return reply;
    }),
  },
  {
    name: "JSON is served as application/x-amz-json-1.1 (AWS's JSON-RPC protocol, not IoT's REST-JSON)",
    caughtBy: { kind: 'response', operationId: 'listJobs' },
    apply: (m) => ({ ...m, mediaType: 'application/x-amz-json-1.1' }),
  },
  {
    name: 'cancelJobExecution ignores expectedVersion (no optimistic locking)',
    caughtBy: { kind: 'example', operationId: 'cancelJobExecution' },
    apply: (m) => replaceHandler(m, 'cancelJobExecution', (original) => (context) => {
      const { expectedVersion: _ignored, ...body } = (context.body ?? {}) as Record<string, unknown>;
      return original({ ...context, body });
    }),
  },
  {
    name: 'describeJobExecution fails with 500 when the thing has no execution of the job',
    caughtBy: { kind: 'unknown-id', operationId: 'describeJobExecution' },
    apply: (m) => replaceHandler(m, 'describeJobExecution', (original) => (context) => {
      const job = jobOf(context);
      // The bug: the execution is dereferenced before anyone checks it exists.
      const execution = job?.executions.get(String(context.params['thingName']));
      if (job && !execution) throw new TypeError("Cannot read properties of undefined (reading 'status')");
      return original(context);
    }),
  },
  {
    name: 'createJob does not validate targetSelection (any string is stored)',
    caughtBy: { kind: 'invalid-body', operationId: 'createJob' },
    apply: (m) => withLooserSpec(m, (spec) => {
      const request = spec.components!.schemas!['CreateJobRequest'] as { properties: Record<string, unknown> };
      request.properties['targetSelection'] = { type: 'string' };
    }),
  },
  {
    name: 'listJobs falls back to 50 items when maxResults is not a number, instead of refusing it',
    caughtBy: { kind: 'invalid-param', operationId: 'listJobs' },
    apply: (m) => {
      const loose = withLooserSpec(m, (spec) => {
        const param = (spec.paths!['/jobs']!.get!.parameters as { name: string; schema: unknown }[]).find((p) => p.name === 'maxResults')!;
        param.schema = { type: 'string' };
      });
      return replaceHandler(loose, 'listJobs', (original) => (context) => {
        const n = Number(context.query['maxResults']);
        return withQuery(original, context, { maxResults: Number.isInteger(n) && n >= 1 && n <= 250 ? n : undefined });
      });
    },
  },
];

export const iotVariantSet: VariantSet = {
  api: 'iot',
  load: async () => (await import('../../../src/apis/registry.js')).BUILTIN_MODULES.iot,
  variants: iotVariants,
};
