import type { OperationSpec } from '../spec/spec-index.js';
import type { Exchange } from './contract-report.js';
import { is2xx, routeOf, type RunContext } from './run-context.js';
import { readJsonPointer } from './runtime-expression.js';
import { lifecycleOf, type LifecycleExtension } from './spec-extensions.js';

/** States reachable from `from` in one or more documented steps. */
export function reachable(transitions: Record<string, string[]>, from: string): Set<string> {
  const out = new Set<string>();
  const queue = [...(transitions[from] ?? [])];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (out.has(next)) continue;
    out.add(next);
    queue.push(...(transitions[next] ?? []));
  }
  return out;
}

export function knownStates(lifecycle: LifecycleExtension): Set<string> {
  return new Set([...Object.keys(lifecycle.transitions), ...Object.values(lifecycle.transitions).flat(), ...(lifecycle.deleting ?? [])]);
}

/** Problems in a sequence of observed statuses: unknown states, and moves the lifecycle does not allow. */
export function lifecycleProblems(lifecycle: LifecycleExtension, statuses: unknown[]): string[] {
  const known = knownStates(lifecycle);
  const problems: string[] = [];
  statuses.forEach((s, i) => {
    if (typeof s !== 'string' || !known.has(s)) problems.push(`observation ${i + 1}: status ${JSON.stringify(s)} is not a documented state`);
  });
  for (let i = 1; i < statuses.length; i++) {
    const [a, b] = [String(statuses[i - 1]), String(statuses[i])];
    if (a === b || (lifecycle.deleting ?? []).includes(b) || reachable(lifecycle.transitions, a).has(b)) continue;
    problems.push(`${a} → ${b} is not a documented transition`);
  }
  return problems;
}

interface Observed {
  operation: OperationSpec;
  lifecycle: LifecycleExtension;
  statuses: unknown[];
  last: Exchange;
}

/**
 * Lifecycle checks, from every successful read of an operation carrying `x-jobs-kit-lifecycle` made
 * during the run (examples, flows, settling reads), grouped by resource (its path parameters). A
 * resource read twice or more gets a check of its sequence; one read once only fails on an unknown state.
 */
export function runLifecycleChecks(ctx: RunContext): void {
  const byResource = new Map<string, Observed>();
  for (const exchange of ctx.client.exchanges) {
    if (exchange.request.method !== 'GET' || !exchange.response || !is2xx(exchange.response.status)) continue;
    const route = routeOf(ctx, exchange.request.url, 'GET');
    const lifecycle = route && lifecycleOf(route.operation);
    if (!route || !lifecycle) continue;
    const key = `${route.operation.operationId}:${Object.values(route.params).join('/')}`;
    const entry = byResource.get(key) ?? { operation: route.operation, lifecycle, statuses: [], last: exchange };
    entry.statuses.push(readJsonPointer(exchange.response.body, lifecycle.status));
    entry.last = exchange;
    byResource.set(key, entry);
  }
  for (const [key, { operation, lifecycle, statuses, last }] of byResource) {
    const problems = lifecycleProblems(lifecycle, statuses);
    if (statuses.length < 2 && problems.length === 0) continue;
    if (!ctx.includes(operation.operationId)) continue;
    ctx.checks.push({
      id: `lifecycle:${key}`,
      kind: 'lifecycle',
      operationId: operation.operationId,
      outcome: problems.length === 0 ? 'pass' : 'fail',
      message: problems.length === 0 ? `observed ${statuses.map(String).join(' → ')}` : `observed ${statuses.map(String).join(' → ')}: ${problems.join('; ')}`,
      request: last.request,
      ...(last.response ? { response: last.response } : {}),
      diagnostics: [],
    });
  }
}
