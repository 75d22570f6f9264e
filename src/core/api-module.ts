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
}

export function defineApi<S>(module: ApiModule<S>): ApiModule<S> {
  return module;
}
