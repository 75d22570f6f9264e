import type { OperationSpec } from '../spec/spec-index.js';
import { buildRequest, examplePairs } from './build-request.js';
import { isSafe, judge, skip, type RunContext } from './run-context.js';

/**
 * Positive examples: for each named pair (same example name on the request side and on a response),
 * the request built from that name must get exactly that response's status. A request example
 * without a response of its name gets the operation's body-less 2xx, or is reported as skipped.
 */
export async function runExampleChecks(ctx: RunContext, operations: OperationSpec[]): Promise<void> {
  for (const operation of operations) {
    for (const { name, status } of examplePairs(operation)) {
      const base = { id: `example:${operation.operationId}:${name}`, kind: 'example' as const, operationId: operation.operationId };
      if (status === undefined) {
        ctx.checks.push(skip(base, `request example "${name}" has no response example of the same name, so its expected status is unknown; name a response example "${name}"`));
        continue;
      }
      const built = buildRequest(ctx.document, operation, name, ctx.credentials);
      if (!built.ok) {
        ctx.checks.push(skip(base, `example "${name}": ${built.reason}`));
        continue;
      }
      // Each writing example meets the state it was written against (the seeded fixtures), not what earlier examples left.
      if (!isSafe(operation)) await ctx.admin.reset();
      const exchange = await ctx.client.send(built.request);
      ctx.checks.push(judge(base, exchange, `${status} (example "${name}")`, (s) => s === status));
    }
  }
}

/** The order positive examples run in: reads first, then writes, deletes last (they remove fixture records later reads need). */
export function methodRank(method: string): number {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return 0;
  if (method === 'DELETE') return 2;
  return 1;
}
