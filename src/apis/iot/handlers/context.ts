/**
 * What every iot handler needs: the caller's scope (account from the principal, region from the
 * SigV4 credential scope), typed request parts and replies, lookups that fail as AWS does, and
 * nextToken paging over the store's collections.
 */
import type { HandlerContext, Reply } from '../../../core/api-module.js';
import type { operations } from '../../../generated/iot.js';
import type { Collection } from '../../../state/collection.js';
import { decodePageToken, encodePageToken } from '../../../state/page-token.js';
import { FIXTURE_ACCOUNT } from '../auth.js';
import { awsError } from '../errors.js';
import { DEFAULT_REGION, scopeKey, type Scope } from '../ids.js';
import { credentialRegion } from '../sigv4.js';
import type { ExecutionRecord, IotStore, JobRecord, ScopeState } from '../store.js';

export type IotContext = HandlerContext<IotStore>;
export type OperationId = keyof operations;

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
export type OkBody<Op extends OperationId> = JsonOf<operations[Op]['responses'][200]>;
export type RequestBody<Op extends OperationId> = operations[Op] extends { requestBody?: infer R } ? JsonOf<NonNullable<R>> : never;

/** A 200 whose body is checked against the operation's spec type. */
export function ok<Op extends OperationId>(_operation: Op, body: OkBody<Op>): Reply<OkBody<Op>> {
  return { status: 200, body };
}

/** The request body as the spec types it (the engine validated it); `{}` when none was sent. */
export function bodyOf<Op extends OperationId>(ctx: IotContext, _operation: Op): Partial<RequestBody<Op>> {
  return (ctx.body ?? {}) as Partial<RequestBody<Op>>;
}

export function requestScope(ctx: IotContext): Scope {
  return { account: ctx.principal.account ?? FIXTURE_ACCOUNT, region: credentialRegion(ctx.headers['authorization']) ?? DEFAULT_REGION };
}

/** The caller's scope if anything was ever stored in it (reads must not create scopes). */
export function findScope(ctx: IotContext): ScopeState | undefined {
  return ctx.store.scopes.get(scopeKey(requestScope(ctx)));
}

export function param(ctx: IotContext, name: string): string {
  return ctx.params[name] as string;
}

/** The job in the path; another account's or region's job is a 404, exactly like a missing one. */
export function requireJob(ctx: IotContext): { scope: ScopeState; job: JobRecord } {
  const jobId = param(ctx, 'jobId');
  const scope = findScope(ctx);
  const job = scope?.jobs.get(jobId);
  if (!scope || !job) throw awsError('ResourceNotFoundException', `Job ${jobId} does not exist.`);
  return { scope, job };
}

/** The thing's execution of the job in the path (optionally a specific execution number). */
export function requireExecution(ctx: IotContext, executionNumber?: number): { scope: ScopeState; job: JobRecord; execution: ExecutionRecord } {
  const { scope, job } = requireJob(ctx);
  const thingName = param(ctx, 'thingName');
  const execution = job.executions.get(thingName);
  if (!execution || (executionNumber !== undefined && execution.executionNumber !== executionNumber)) {
    const which = executionNumber !== undefined ? `execution ${executionNumber}` : 'execution';
    throw awsError('ResourceNotFoundException', `Thing ${thingName} has no ${which} of job ${job.jobId}.`);
  }
  return { scope, job, execution };
}

/** AWS takes `force` as a query parameter, the seed in the body: either one set to true forces. */
export function isForced(ctx: IotContext): boolean {
  return ctx.query['force'] === true || (ctx.body as { force?: unknown } | undefined)?.force === true;
}

/** ListJobs and friends: AWS leaves the default page size unspecified; the mock uses 50. */
export const DEFAULT_MAX_RESULTS = 50;

export interface PageRequest<T> {
  /** The list's name and filters: a token only resumes the list (and filters) that issued it. */
  list: string;
  filters: Record<string, unknown>;
  collection: Collection<T> | undefined;
  filter?: (item: T) => boolean;
  /** Newest first. */
  reverse?: boolean;
}

export function pageOf<T>(ctx: IotContext, request: PageRequest<T>): { items: T[]; nextToken?: string } {
  const binding = { principal: scopeKey(requestScope(ctx)), query: `${request.list}?${JSON.stringify(request.filters)}` };
  const token = ctx.query['nextToken'] as string | undefined;
  const afterSeq = token === undefined ? undefined : decodePageToken(token, binding);
  if (token !== undefined && afterSeq === undefined) throw awsError('InvalidRequestException', 'The nextToken is invalid or does not belong to this list.');
  if (!request.collection) return { items: [] };
  const limit = (ctx.query['maxResults'] as number | undefined) ?? DEFAULT_MAX_RESULTS;
  const page = request.collection.page({ limit, reverse: request.reverse ?? false, ...(afterSeq !== undefined ? { afterSeq } : {}), ...(request.filter ? { filter: request.filter } : {}) });
  return page.hasMore && page.lastSeq !== undefined ? { items: page.items, nextToken: encodePageToken(page.lastSeq, binding) } : { items: page.items };
}

/** A job or template document must be a JSON object (AWS rejects anything else with a 400). */
export function checkDocument(document: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    throw awsError('InvalidRequestException', 'The job document must be a JSON object.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw awsError('InvalidRequestException', 'The job document must be a JSON object.');
}
