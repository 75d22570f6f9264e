/**
 * Deliberately broken variants of an API module. A variant is data plus a function: it takes the
 * correct module and returns a modified copy (the original is never touched), and names the check
 * kind (and operation) the contract runner must fail with. The runner always checks against the
 * ORIGINAL spec; a variant that loosens its own copy of the spec does so to get a bad request past
 * the engine's request validation, as a server without validation would.
 */
import { isApiError } from '../../../src/core/api-error.js';
import type { ApiModule, AuthScheme, ErrorRenderer, Handler, HandlerContext, Reply } from '../../../src/core/api-module.js';
import type { OpenApiDocument } from '../../../src/spec/openapi-types.js';
import type { CheckKind } from '../../../src/contract/contract-report.js';

export interface Variant {
  /** Short name: what is broken (`getJob drops the required owner field`). */
  name: string;
  /** The check that must catch it. */
  caughtBy: { kind: CheckKind; operationId?: string };
  apply(module: ApiModule<any>): ApiModule<any>;
}

/** The variants of one API, with a loader for its correct module (imported only when the set runs). */
export interface VariantSet {
  api: string;
  load(): Promise<ApiModule<any>>;
  variants: Variant[];
}

type AnyModule = ApiModule<any>;

function handlerOf(module: AnyModule, operationId: string): Handler<unknown> {
  const handler = module.handlers[operationId];
  if (!handler) throw new Error(`variant: ${module.name} has no handler ${operationId}`);
  return handler;
}

/** Replaces one handler; `original` is the correct one, to call through. */
export function replaceHandler(module: AnyModule, operationId: string, make: (original: Handler<unknown>) => Handler<unknown>): AnyModule {
  return { ...module, handlers: { ...module.handlers, [operationId]: make(handlerOf(module, operationId)) } };
}

/** Changes the successful replies of one operation (errors pass through untouched). */
export function mapReply(module: AnyModule, operationId: string, change: (reply: Reply, context: HandlerContext<unknown>) => Reply): AnyModule {
  return replaceHandler(module, operationId, (original) => (context) => {
    const outcome = original(context);
    return isApiError(outcome) ? outcome : change(outcome, context);
  });
}

/** Changes the body of one operation's successful replies. */
export function mapBody(module: AnyModule, operationId: string, change: (body: any) => unknown): AnyModule {
  return mapReply(module, operationId, (reply) => ({ ...reply, body: reply.body === undefined ? undefined : change(structuredClone(reply.body)) }));
}

export function withErrors(module: AnyModule, errors: ErrorRenderer): AnyModule {
  return { ...module, errors };
}

export function withAuth(module: AnyModule, auth: Partial<AuthScheme<any>>): AnyModule {
  return { ...module, auth: { ...module.auth, ...auth } };
}

/**
 * A copy of the module whose OWN spec is changed (the runner still checks against the original). The
 * precompiled validators belong to the original spec, so they are dropped: the engine compiles the
 * changed spec's own at start-up.
 */
export function withSpec(module: AnyModule, change: (spec: OpenApiDocument) => void): AnyModule {
  const spec = structuredClone(module.spec);
  change(spec);
  return { ...module, spec, validators: undefined };
}

/** Sets (or, with `undefined`, removes) a property at a path inside an object. */
export function setAt(value: any, path: (string | number)[], to: unknown): any {
  let node = value;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1]!;
  if (to === undefined) delete node[last];
  else node[last] = to;
  return value;
}
