import type { Diagnostic } from '../core/diagnostic.js';
import { formatDiagnostic } from '../core/diagnostic.js';
import type { Check, CoverageRow, Exchange } from './contract-report.js';
import type { RunContext } from './run-context.js';

/** Spec findings for one response: status, content type, body, required headers; plus JSON that did not parse. */
export function responseDiagnostics(ctx: RunContext, exchange: Exchange): Diagnostic[] {
  const res = exchange.response!;
  const validator = ctx.target.validators.get(exchange.operationId);
  if (!validator) return [];
  const found = validator.response({ status: res.status, headers: res.headers, body: res.body });
  return res.jsonError ? [{ location: 'response', path: '', keyword: 'json', message: res.jsonError }, ...found] : found;
}

/**
 * One `response` check per operation and status seen: it fails when any response with that status
 * breaks the spec, showing the first such exchange and the distinct findings of all of them.
 */
export function runResponseChecks(ctx: RunContext): void {
  const groups = new Map<string, Exchange[]>();
  for (const exchange of ctx.client.exchanges) {
    if (!exchange.response) continue;
    const key = `${exchange.operationId}:${exchange.response.status}`;
    groups.set(key, [...(groups.get(key) ?? []), exchange]);
  }
  // In spec order, then by status, so reports read like the spec.
  const rank = new Map(ctx.target.index.operations.map((op, i) => [op.operationId, i]));
  const ordered = [...groups].sort(([, a], [, b]) => rank.get(a[0]!.operationId)! - rank.get(b[0]!.operationId)! || a[0]!.response!.status - b[0]!.response!.status);
  for (const [key, exchanges] of ordered) {
    const operationId = exchanges[0]!.operationId;
    if (!ctx.includes(operationId)) continue;
    const seen = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    let first: Exchange | undefined;
    for (const exchange of exchanges) {
      for (const d of responseDiagnostics(ctx, exchange)) {
        first ??= exchange;
        const line = formatDiagnostic(d);
        if (!seen.has(line)) diagnostics.push(d);
        seen.add(line);
      }
    }
    const shown = first ?? exchanges[0]!;
    const check: Check = {
      id: `response:${key}`,
      kind: 'response',
      operationId,
      outcome: diagnostics.length === 0 ? 'pass' : 'fail',
      message:
        diagnostics.length === 0
          ? `${exchanges.length} response(s) with status ${shown.response!.status} match the spec`
          : `status ${shown.response!.status}: ${diagnostics.slice(0, 3).map(formatDiagnostic).join('; ')}${diagnostics.length > 3 ? ` (+${diagnostics.length - 3} more)` : ''}`,
      request: shown.request,
      response: shown.response!,
      diagnostics,
    };
    ctx.checks.push(check);
  }
}

/** Operations × statuses: what each operation documents and what the run made it answer. */
export function coverageOf(ctx: RunContext): CoverageRow[] {
  const exercised = new Map<string, Set<number>>();
  for (const e of ctx.client.exchanges) {
    if (!e.response) continue;
    if (!exercised.has(e.operationId)) exercised.set(e.operationId, new Set());
    exercised.get(e.operationId)!.add(e.response.status);
  }
  return ctx.target.index.operations
    .filter((op) => ctx.includes(op.operationId))
    .map((op) => ({
      operationId: op.operationId,
      method: op.method,
      path: op.path,
      documented: Object.keys(op.responses),
      exercised: [...(exercised.get(op.operationId) ?? [])].sort((a, b) => a - b),
    }));
}
