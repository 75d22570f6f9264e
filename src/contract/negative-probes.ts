import type { OperationSpec } from '../spec/spec-index.js';
import { buildRequest, paramExample, SUCCESS } from './build-request.js';
import { deriveUnknownId } from './derive-unknown-id.js';
import { invalidBodies, invalidParams } from './invalid-inputs.js';
import { is4xx, isSafe, judge, skip, type RunContext } from './run-context.js';

/** No credentials → 401 or 403. Public operations (`security: []`) are not probed. */
async function probeAuth(ctx: RunContext, operation: OperationSpec): Promise<void> {
  if (!operation.requiresAuth) return;
  const base = { id: `auth:${operation.operationId}`, kind: 'auth' as const, operationId: operation.operationId };
  const built = buildRequest(ctx.document, operation, SUCCESS, {});
  if (!built.ok) return void ctx.checks.push(skip(base, built.reason));
  for (const name of Object.keys(built.request.headers)) if (ctx.credentialNames.has(name)) delete built.request.headers[name];
  const exchange = await ctx.client.send(built.request);
  ctx.checks.push(judge(base, exchange, '401 or 403 without credentials', (s) => s === 401 || s === 403));
}

/** A well-formed id that names nothing → 404, for operations that document a 404. */
async function probeUnknownId(ctx: RunContext, operation: OperationSpec): Promise<void> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const param = pathParams[pathParams.length - 1];
  if (!param || !('404' in operation.responses)) return;
  const base = { id: `unknown-id:${operation.operationId}`, kind: 'unknown-id' as const, operationId: operation.operationId };
  const known = paramExample(ctx.document, param, SUCCESS);
  if (!known.found) return void ctx.checks.push(skip(base, `path parameter "${param.name}" has no example to derive an unknown id from`));
  const validPath = Object.fromEntries(pathParams.map((p) => [p.name, String(paramExample(ctx.document, p, SUCCESS).value)]));
  const validator = ctx.target.validators.get(operation.operationId)!;
  const accepts = (candidate: string) =>
    !validator.params({ path: { ...validPath, [param.name]: candidate }, query: new URLSearchParams(), headers: {} }).diagnostics.some((d) => d.location === 'path' && d.path.split('/')[0] === param.name);
  const unknown = deriveUnknownId(String(known.value), accepts, ctx.random);
  if (unknown === undefined) return void ctx.checks.push(skip(base, `no id of the shape of "${String(known.value)}" passes the schema of "${param.name}"`));
  const built = buildRequest(ctx.document, operation, SUCCESS, ctx.credentials, { path: { [param.name]: unknown } });
  if (!built.ok) return void ctx.checks.push(skip(base, built.reason));
  const exchange = await ctx.client.send(built.request);
  ctx.checks.push(judge(base, exchange, `404 for unknown ${param.name} "${unknown}"`, (s) => s === 404));
}

/** Parameters outside their schema → a 4xx (never 2xx, never 5xx). */
async function probeParams(ctx: RunContext, operation: OperationSpec): Promise<void> {
  const valid = buildRequest(ctx.document, operation, SUCCESS, ctx.credentials);
  if (!valid.ok) return;
  const validPath = Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, String(paramExample(ctx.document, p, SUCCESS).value)]));
  const validator = ctx.target.validators.get(operation.operationId)!;
  for (const { param, value } of invalidParams(ctx.document, validator, { path: validPath, query: valid.request.query })) {
    const base = { id: `invalid-param:${operation.operationId}:${param.in}.${param.name}`, kind: 'invalid-param' as const, operationId: operation.operationId };
    const overrides = param.in === 'path' ? { path: { ...validPath, [param.name]: value } } : { query: { [param.name]: value } };
    const built = buildRequest(ctx.document, operation, SUCCESS, ctx.credentials, overrides);
    if (!built.ok) continue;
    const exchange = await ctx.client.send(built.request);
    ctx.checks.push(judge(base, exchange, `a 4xx for ${param.in} ${param.name}=${JSON.stringify(value)}`, is4xx));
  }
}

/** Bodies with a missing field, a wrong type, an unknown enum → a 4xx. */
async function probeBodies(ctx: RunContext, operation: OperationSpec): Promise<void> {
  const validator = ctx.target.validators.get(operation.operationId)!;
  for (const invalid of invalidBodies(ctx.document, validator)) {
    const base = { id: `invalid-body:${operation.operationId}:${invalid.label}`, kind: 'invalid-body' as const, operationId: operation.operationId };
    const built = buildRequest(ctx.document, operation, SUCCESS, ctx.credentials, { body: { value: invalid.value } });
    if (!built.ok) continue;
    const exchange = await ctx.client.send(built.request);
    ctx.checks.push(judge(base, exchange, `a 4xx for a body with ${invalid.label}`, is4xx));
  }
}

/** Every negative probe for the operations; in read-only mode only safe operations are probed. */
export async function runNegativeProbes(ctx: RunContext, operations: OperationSpec[]): Promise<void> {
  for (const operation of operations) {
    if (ctx.readOnly && !isSafe(operation)) continue;
    await probeAuth(ctx, operation);
    await probeUnknownId(ctx, operation);
    await probeParams(ctx, operation);
    if (!ctx.readOnly) await probeBodies(ctx, operation);
  }
}
