import { ApiError, isApiError } from '../core/api-error.js';
import type { Reply } from '../core/api-module.js';
import { formatDiagnostic } from '../core/diagnostic.js';
import type { MockRequest, MockResponse } from '../core/http.js';
import type { Principal } from '../core/principal.js';
import { authenticate } from '../auth/authenticate.js';
import { parsePrefer, preferredReply } from '../respond/prefer.js';
import { toMockResponse } from '../respond/to-mock-response.js';
import type { OperationSpec } from '../spec/spec-index.js';
import type { Clock } from '../state/clock.js';
import { advanceRuntime, type ApiRuntime } from './api-runtime.js';
import type { EngineSettings } from './engine-options.js';

export interface PipelineContext {
  clock: Clock;
  settings: EngineSettings;
  maxBodyBytes: number;
  onError: (message: string, error?: unknown) => void;
  /** Response-validation findings in 'throw'/'warn' mode. */
  recordViolation: (api: string, operationId: string, messages: string[]) => void;
}

/** What the pipeline decided, before serialisation (the journal wants the operation and principal). */
export interface PipelineResult {
  response: MockResponse;
  /** The answer came from jobs-kit's own machinery (fault, Prefer error), not the API's behaviour. */
  fromKit: boolean;
  operation: OperationSpec | undefined;
  principal: Principal | undefined;
}

// Shared by every request without a query string (most creates and gets); stages only read the query.
const NO_QUERY: URLSearchParams = new URLSearchParams();

function decodeParams(raw: Record<string, string>): Record<string, string> | ApiError {
  const out: Record<string, string> = {};
  for (const name in raw) {
    const value = raw[name]!;
    // Most ids have nothing to decode: skip decodeURIComponent (and its try) for them.
    if (!value.includes('%')) {
      out[name] = value;
      continue;
    }
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      // A path that cannot be decoded cannot name a resource: the API's 404, documented wherever ids are.
      return new ApiError('not_found', `no resource at this path (parameter ${name} is not valid percent-encoding)`);
    }
  }
  return out;
}

/** spec → route → auth → validate → domain. Returns a Reply or the ApiError to render. */
function runStages(rt: ApiRuntime, ctx: PipelineContext, request: MockRequest, found: { operation?: OperationSpec; principal?: Principal }): Reply | ApiError {
  const base = rt.index.basePath;
  if (base && request.path !== base && !request.path.startsWith(`${base}/`)) return new ApiError('not_found', `no resource at ${request.path}`);
  const match = rt.router.match(request.method, request.path.slice(base.length) || '/');
  if (match.kind === 'not-found') return new ApiError('not_found', `no resource at ${request.path}`);
  if (match.kind === 'method-not-allowed') {
    return new ApiError('method_not_allowed', `${request.method} is not allowed on ${request.path}; allowed: ${match.allow.join(', ')}`, { headers: { allow: match.allow.join(', ') } });
  }
  const operation = match.operation;
  found.operation = operation;
  // Only operations that take a body can be refused for its size; other operations ignore bodies, as servers do.
  if (operation.requestBody && (request.bodyBytes ?? request.bodyText?.length ?? 0) > ctx.maxBodyBytes) {
    return new ApiError('payload_too_large', `request body is larger than the ${ctx.maxBodyBytes}-byte limit`);
  }
  const params = decodeParams(match.params);
  if (isApiError(params)) return params;

  const now = ctx.clock.now();
  advanceRuntime(rt, now);
  const query = request.rawQuery === '' ? NO_QUERY : new URLSearchParams(request.rawQuery);
  const principal = authenticate(rt.module, rt.store, ctx.clock, { method: request.method, path: request.path, headers: request.headers, query, operation }, ctx.settings.auth);
  if (isApiError(principal)) return principal;
  found.principal = principal;

  const validator = rt.validators.get(operation.operationId)!;
  const checked = validator.params({ path: params, query, headers: request.headers });
  if (checked.diagnostics.length > 0) {
    return new ApiError('validation_failed', `invalid request: ${checked.diagnostics.map(formatDiagnostic).join('; ')}`, { diagnostics: checked.diagnostics });
  }
  const body = validator.body(request.headers['content-type'], request.bodyText);
  if (body.kind === 'unsupported-media-type') return new ApiError('unsupported_media_type', `content type ${body.mediaType} is not supported; use ${body.supported.join(' or ')}`);
  if (body.kind === 'malformed') return new ApiError('bad_request', body.message);
  if (body.kind === 'invalid') return new ApiError('validation_failed', `invalid request: ${body.diagnostics.map(formatDiagnostic).join('; ')}`, { diagnostics: body.diagnostics });

  const faults = ctx.settings.faults;
  if (faults && faults.rate > 0 && rt.faultRandom.next() < faults.rate) {
    return new ApiError(faults.status === 503 ? 'service_unavailable' : 'internal', 'injected fault (jobs-kit fault injection)', { status: faults.status, headers: faults.status === 503 ? { 'retry-after': '1' } : {}, fromKit: true });
  }
  const preference = parsePrefer(request.headers['prefer']);
  if (preference) return preferredReply(rt.index.document, operation, preference);

  const handler = rt.module.handlers[operation.operationId];
  if (!handler) return new ApiError('not_implemented', `${rt.module.name} mock does not implement ${operation.operationId} yet`);
  try {
    return handler({
      operationId: operation.operationId,
      params: checked.path,
      query: checked.query,
      headers: request.headers,
      body: body.value,
      principal,
      store: rt.store,
      clock: ctx.clock,
      random: rt.random,
      request,
      operation,
    });
  } catch (error) {
    if (isApiError(error)) return error;
    ctx.onError(`${rt.module.name} ${operation.operationId}: handler threw`, error);
    return new ApiError('internal', 'the mock failed unexpectedly while handling this request (logged by jobs-kit)');
  }
}

function render(rt: ApiRuntime, outcome: Reply | ApiError, operation: OperationSpec | undefined, ctx: PipelineContext): MockResponse {
  if (!isApiError(outcome)) return toMockResponse(outcome, rt.module.mediaType);
  const reply = rt.module.errors.render(outcome, operation);
  return toMockResponse({ ...reply, headers: { ...outcome.headers, ...reply.headers } }, rt.module.mediaType);
}

/** Runs one request through the whole pipeline; never throws. */
export function handleRequest(rt: ApiRuntime, ctx: PipelineContext, request: MockRequest): PipelineResult {
  const found: { operation?: OperationSpec; principal?: Principal } = {};
  let response: MockResponse;
  let fromKit = false;
  try {
    const outcome = runStages(rt, ctx, request, found);
    fromKit = isApiError(outcome) && outcome.fromKit;
    response = render(rt, outcome, found.operation, ctx);
  } catch (error) {
    ctx.onError(`${rt.module.name}: the pipeline threw`, error);
    response = render(rt, new ApiError('internal', 'the mock failed unexpectedly (logged by jobs-kit)'), found.operation, ctx);
  }
  const mode = ctx.settings.validateResponses;
  if (mode !== 'off' && found.operation && !fromKit) {
    const diagnostics = rt.validators.get(found.operation.operationId)!.response({ status: response.status, headers: response.headers, body: response.body });
    if (diagnostics.length > 0) {
      const messages = diagnostics.map(formatDiagnostic);
      ctx.recordViolation(rt.module.name, found.operation.operationId, messages);
      ctx.onError(`${rt.module.name} ${found.operation.operationId}: response ${response.status} breaks the spec: ${messages.join('; ')}`);
      if (mode === 'throw') {
        const error = new ApiError('internal', `jobs-kit mock response broke the spec (${found.operation.operationId} ${response.status}): ${messages.join('; ')}`);
        response = toMockResponse(rt.module.errors.render(error, undefined), rt.module.mediaType);
      }
    }
  }
  return { response, fromKit, operation: found.operation, principal: found.principal };
}
