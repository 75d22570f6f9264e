import type { OperationSpec } from '../spec/spec-index.js';
import { isJsonMediaType } from '../validation/media-type.js';
import { buildRequest, SUCCESS } from './build-request.js';
import type { Exchange } from './contract-report.js';
import { linksOf, resolveSteps, type FlowStep } from './flow-steps.js';
import { pageThrough } from './paging.js';
import { is2xx, isSafe, judge, routeOf, skip, type CheckBase, type RunContext } from './run-context.js';
import { evaluateExpression, readJsonPointer, type ExpressionSource } from './runtime-expression.js';
import { lifecycleOf, pagingOf } from './spec-extensions.js';

async function send(ctx: RunContext, step: FlowStep): Promise<Exchange | string> {
  const built = buildRequest(ctx.document, step.operation, SUCCESS, ctx.credentials, { path: step.path, query: step.query, ...(step.body ? { body: step.body } : {}) });
  return built.ok ? ctx.client.send(built.request) : built.reason;
}

async function runStep(ctx: RunContext, base: CheckBase, step: FlowStep, expected?: number[]): Promise<Exchange | undefined> {
  const exchange = await send(ctx, step);
  if (typeof exchange === 'string') return void ctx.checks.push(skip(base, `${step.name}: ${exchange}`));
  const accept = expected ?? step.link['x-jobs-kit-expect'];
  ctx.checks.push(judge(base, exchange, accept ? accept.join(' or ') : 'a 2xx', (s) => (accept ? accept.includes(s) : is2xx(s))));
  return exchange;
}

/** The created id a list must contain: the link's `x-jobs-kit-id`, else the first path value a read link fills. */
function createdId(step: FlowStep, steps: FlowStep[], source: ExpressionSource): unknown {
  if (step.link['x-jobs-kit-id']) return evaluateExpression(step.link['x-jobs-kit-id'], source).value;
  const read = steps.find((s) => s.category === 'read' && Object.keys(s.path).length > 0);
  return read ? Object.values(read.path).at(-1) : undefined;
}

async function checkListed(ctx: RunContext, flow: string, step: FlowStep, steps: FlowStep[], source: ExpressionSource): Promise<void> {
  const base = { id: `listed:${flow}:${step.operation.operationId}`, kind: 'listed' as const, operationId: step.operation.operationId };
  const id = createdId(step, steps, source);
  if (id === undefined) return void ctx.checks.push(skip(base, 'no id to look for: give the list link x-jobs-kit-id'));
  const result = await pageThrough(ctx, step.operation, pagingOf(step.operation)!, { path: step.path, query: step.query });
  const found = result.ids.some((x) => String(x) === String(id));
  const where = result.exchange ? { request: result.exchange.request, ...(result.exchange.response ? { response: result.exchange.response } : {}) } : {};
  const ok = found && result.problems.length === 0;
  const message = ok ? `${JSON.stringify(id)} found among ${result.ids.length} items` : found ? result.problems.join('; ') : `${JSON.stringify(id)} is not among the ${result.ids.length} items listed${result.problems.length ? ` (${result.problems.join('; ')})` : ''}`;
  ctx.checks.push({ ...base, ...where, outcome: ok ? 'pass' : 'fail', message, diagnostics: [] });
}

/** After a delete, each read says 404/410, or 2xx with a documented deleting state. */
async function checkDeleted(ctx: RunContext, flow: string, read: FlowStep): Promise<void> {
  const base = { id: `deleted:${flow}:${read.operation.operationId}`, kind: 'deleted' as const, operationId: read.operation.operationId };
  const exchange = await send(ctx, read);
  if (typeof exchange === 'string') return void ctx.checks.push(skip(base, exchange));
  const declared = read.link['x-jobs-kit-after-delete'];
  if (declared !== undefined && !(Array.isArray(declared) && declared.every((s) => Number.isInteger(s)))) {
    return void ctx.checks.push({ ...base, outcome: 'fail', message: `link "${read.name}": x-jobs-kit-after-delete must be a list of statuses`, diagnostics: [] });
  }
  if (declared) return void ctx.checks.push(judge(base, exchange, `${declared.join(' or ')} after the delete (x-jobs-kit-after-delete)`, (s) => declared.includes(s)));
  const deleting = lifecycleOf(read.operation);
  const statusOf = (e: Exchange) => (deleting ? readJsonPointer(e.response?.body, deleting.status) : undefined);
  const states = deleting?.deleting ?? [];
  const wanted = states.length > 0 ? `404 or a deleting state (${states.join(', ')})` : '404 after the delete';
  ctx.checks.push(judge(base, exchange, wanted, (s) => s === 404 || s === 410 || (is2xx(s) && states.includes(String(statusOf(exchange))))));
}

/** Reads the resource again after time moves, so the lifecycle check sees it progress. */
async function settle(ctx: RunContext, flow: string, read: FlowStep): Promise<void> {
  const lifecycle = lifecycleOf(read.operation);
  if (!lifecycle?.settle) return;
  const base = { id: `flow:${flow}:settle`, kind: 'flow' as const, operationId: read.operation.operationId };
  let last: Exchange | undefined;
  for (let i = 0; i < lifecycle.settle.steps; i++) {
    await ctx.admin.advance(lifecycle.settle.stepMs);
    const exchange = await send(ctx, read);
    if (typeof exchange === 'string') return void ctx.checks.push(skip(base, exchange));
    last = exchange;
    if (!exchange.response || !is2xx(exchange.response.status)) break;
  }
  if (last) ctx.checks.push(judge(base, last, `a 2xx on each of ${lifecycle.settle.steps} reads${ctx.admin.available ? '' : ' (clock not movable: read without waiting)'}`, is2xx));
}

/**
 * One flow, driven by the links on a write operation's 2xx response: create (success example) →
 * reads → list contains it → updates → actions → settle → delete → reads say it is gone.
 */
export async function runFlow(ctx: RunContext, create: OperationSpec): Promise<void> {
  const found = linksOf(ctx.document, create);
  if (!found) return;
  const flow = create.operationId;
  const built = buildRequest(ctx.document, create, SUCCESS, ctx.credentials);
  const base = { id: `flow:${flow}:create`, kind: 'flow' as const, operationId: flow };
  if (!built.ok) return void ctx.checks.push(skip(base, built.reason));
  const exchange = await ctx.client.send(built.request);
  ctx.checks.push(judge(base, exchange, `a 2xx creating from the success example`, is2xx));
  if (!exchange.response || !is2xx(exchange.response.status)) return;
  const body = built.request.body;
  const source: ExpressionSource = {
    request: exchange.request,
    requestPath: routeOf(ctx, exchange.request.url, create.method)?.params ?? {},
    requestBody: body && isJsonMediaType(body.mediaType) ? JSON.parse(body.text) : body?.text,
    response: exchange.response,
  };
  const steps = resolveSteps(ctx.target.index, found.links, source);
  const reads = steps.filter((s) => s.category === 'read' && !s.problem);
  // Settling reads run at `settle.order` among the steps (default 35: after actions, before deletes).
  const settleOrder = (reads[0] && lifecycleOf(reads[0].operation)?.settle?.order) ?? 35;
  let settled = false;
  for (const step of steps) {
    const stepBase = { id: `flow:${flow}:${step.name}`, kind: 'flow' as const, operationId: step.operation.operationId };
    if (step.problem) {
      ctx.checks.push({ ...stepBase, outcome: 'fail', message: step.problem, diagnostics: [] });
      continue;
    }
    if (step.order > settleOrder && !settled) {
      settled = true;
      if (reads[0]) await settle(ctx, flow, reads[0]);
    }
    if (step.category === 'list') await checkListed(ctx, flow, step, steps, source);
    else {
      const sent = await runStep(ctx, stepBase, step);
      if (step.category === 'delete' && sent?.response && is2xx(sent.response.status)) for (const read of reads) await checkDeleted(ctx, flow, read);
      // A write is followed by a read, so the lifecycle check sees each state the write produced.
      else if (!isSafe(step.operation) && reads[0]) await runStep(ctx, { ...stepBase, id: `${stepBase.id}:read-back`, operationId: reads[0].operation.operationId }, reads[0]);
    }
  }
  if (!settled && reads[0]) await settle(ctx, flow, reads[0]);
}
