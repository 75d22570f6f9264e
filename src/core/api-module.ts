import type { ApiError } from './api-error.js';
import type { MockRequest } from './http.js';
import type { DevCredential, Principal } from './principal.js';
import type { Clock } from '../state/clock.js';
import type { Random } from '../state/random.js';
import type { OpenApiDocument } from '../spec/openapi-types.js';
import type { OperationSpec } from '../spec/spec-index.js';
import type { PrecompiledValidators } from '../validation/schema-compiler.js';

export type ApiName = 'contenthub' | 'iot' | 'alteryx' | 'exabyte' | 'terrakube';
export const API_NAMES: readonly ApiName[] = ['contenthub', 'iot', 'alteryx', 'exabyte', 'terrakube'];

/** What a handler returns on success. */
export interface Reply<B = unknown> {
  status: number;
  /** JSON body; omit for no body (204). */
  body?: B;
  headers?: Record<string, string>;
}

/** What every handler receives. Values are already validated (and coerced) against the spec. */
export interface HandlerContext<S> {
  operationId: string;
  /** Path parameters, coerced to the spec's types. */
  params: Record<string, unknown>;
  /** Query parameters, coerced to the spec's types (arrays for repeated keys where the spec says array). */
  query: Record<string, unknown>;
  /** Lower-cased request headers. */
  headers: Record<string, string>;
  /** The parsed body: JSON parsed, a form decoded into string fields, other media types as text (undefined when none). */
  body: unknown;
  principal: Principal;
  store: S;
  clock: Clock;
  random: Random;
  /** The raw request (path relative to the API's mount). */
  request: MockRequest;
  operation: OperationSpec;
}

export type Handler<S> = (context: HandlerContext<S>) => Reply | ApiError;

/** An API's error envelope: turns any ApiError into this API's own status, body and headers. */
export interface ErrorRenderer {
  render(error: ApiError, operation: OperationSpec | undefined): Reply;
}

export interface AuthRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The query string: read it, never change it (requests without one share one empty instance). */
  query: URLSearchParams;
  operation: OperationSpec;
}

export interface AuthScheme<S> {
  /** Resolve the caller from the request, or refuse with an ApiError (`unauthorized` / `forbidden`). */
  authenticate(request: AuthRequest, store: S, clock: Clock): Principal | ApiError;
  /** Credentials that work against a freshly seeded mock (first one is the default user). */
  devCredentials(): DevCredential[];
  /** Who the caller is when auth is turned off (`--no-auth`). */
  anonymous: Principal;
}

export interface StoreOptions {
  random: Random;
  clock: Clock;
  /** Load the committed fixtures for this API (default true); false starts empty apart from users. */
  fixtures: boolean;
}

/**
 * Everything the engine needs to know about one API. Each `src/apis/<api>/index.ts` exports one of
 * these built with `defineApi`; shared code takes everything API-specific from here.
 */
export interface ApiModule<S = unknown> {
  /** The API's name: its mount prefix (`/iot`) and its key in admin calls. */
  name: ApiName;
  title: string;
  spec: OpenApiDocument;
  /** The spec's validators as precompiled by `npm run generate` (`src/generated/<api>.validators.ts`); compiled at start-up when absent. */
  validators?: PrecompiledValidators;
  /** Content type of JSON responses (`application/json`, `application/vnd.api+json`). */
  mediaType: string;
  errors: ErrorRenderer;
  auth: AuthScheme<S>;
  createStore(options: StoreOptions): S;
  /** Moves lifecycles forward to virtual time `now` (called before a request when time has moved). */
  advance(store: S, now: number): void;
  handlers: { readonly [operationId: string]: Handler<S> };
  /** A JSON-serialisable picture of the store for `/__admin/state`. */
  snapshot(store: S): unknown;
  /** Loads records posted to `/__admin/seed` (API-shaped records; refuses with a message on bad input). */
  seed(store: S, data: unknown, context: { clock: Clock; random: Random }): { loaded: number } | ApiError;
  /** Checks internal consistency; returns human-readable violations (used by fuzzing and tests). */
  invariants?(store: S): string[];
  /** How the engine keeps the store within its job capacity (`maxJobs`); without it the store is not capped. */
  jobCapacity?: JobCapacity<S>;
  /** The jobs as the admin page (`/__admin/`) lists and details them; without it the page lists none for this API. */
  adminView?: AdminView<S>;
}

/** One job as a row of the admin page's list. */
export interface AdminJobRow {
  /** Unique within the API; the admin detail route takes it (`/__admin/jobs/<api>/<id>`). */
  id: string;
  /** The status as the API names it (`IN_PROGRESS`, `Completed/Success`, `running`). */
  status: string;
  owner?: string;
  /** Virtual epoch ms. */
  createdAt?: number;
  /** A short line that tells jobs apart (a name, a workflow, a command). */
  summary?: string;
}

/**
 * One moment of a job's lifecycle. `recorded`: the store keeps when it happened; `unknown-time`: the job is
 * in this status but the store does not keep since when; `planned`: on the clock, not reached yet.
 */
export interface AdminHistoryEntry {
  /** Virtual epoch ms; null for `unknown-time`. */
  at: number | null;
  status: string;
  source: 'recorded' | 'unknown-time' | 'planned';
  note?: string;
}

export interface AdminJobDetail extends AdminJobRow {
  /** Oldest first; planned entries last. */
  history: AdminHistoryEntry[];
  /** The job as the API itself would return it. */
  raw: unknown;
}

export interface AdminView<S> {
  /** Every job, in the store's order. */
  jobs(store: S, now: number): AdminJobRow[];
  /** One job, or undefined when the API has no job with that id. */
  job(store: S, id: string, now: number): AdminJobDetail | undefined;
}

/**
 * A store's jobs, oldest first, for the engine's cap: when a write takes the store past `maxJobs`, the
 * engine evicts the oldest jobs, finished or not, with everything that hangs off them (executions,
 * steps, logs, pending lifecycle events).
 */
export interface JobCapacity<S> {
  /** Records held now: jobs, plus what clients create under them where that is what grows (contenthub targets). Cheap: called after every write. */
  count(store: S): number;
  /** Removes the oldest jobs (by creation order) and what belongs only to them until at least `n` counted records went; returns how many went. */
  evictOldest(store: S, n: number, now: number): number;
}

export function defineApi<S>(module: ApiModule<S>): ApiModule<S> {
  return module;
}
