import type { ContractReport } from '../contract-report.js';
import { coverageRatio, statusCells } from './coverage-table.js';
import { describeCheck } from './describe-check.js';

export interface Paint {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
export const COLOURS: Paint = { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), dim: wrap(2, 22) };
export const PLAIN: Paint = { red: (t) => t, green: (t) => t, yellow: (t) => t, dim: (t) => t };

/** The terminal summary (the CLI passes styles from src/cli/colour.ts, which decides when to colour): each failure with its request and diagnostics, the coverage table, the totals. */
export function toSummary(reports: ContractReport[], paint: Paint = PLAIN): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`jobs-kit contract: ${r.api} at ${r.baseUrl}${r.readOnly ? ' (read-only)' : ''}`);
    for (const c of r.checks.filter((x) => x.outcome === 'fail')) {
      out.push(`  ${paint.red('FAIL')} ${c.id}`, ...describeCheck(c).split('\n').map((l) => (l ? `       ${l}` : '')));
    }
    const skipped = r.checks.filter((x) => x.outcome === 'skip');
    for (const c of skipped) out.push(`  ${paint.yellow('SKIP')} ${c.id}: ${c.message}`);
    const width = Math.max(9, ...r.coverage.map((row) => row.operationId.length));
    const pathWidth = Math.max(4, ...r.coverage.map((row) => row.path.length));
    out.push('', `  coverage (documented statuses; * exercised, ! answered but undocumented)`, `  ${'operation'.padEnd(width)}  ${'method'.padEnd(7)}${'path'.padEnd(pathWidth)}  statuses`);
    for (const row of r.coverage) {
      out.push(`  ${row.operationId.padEnd(width)}  ${row.method.padEnd(7)}${row.path.padEnd(pathWidth)}  ${statusCells(row, (s, hit) => (hit ? `${s}*` : paint.dim(s)))}`);
    }
    const { exercised, documented } = coverageRatio(r.coverage);
    const verdict = r.ok ? paint.green('PASS') : paint.red('FAIL');
    out.push('', `${verdict} ${r.api}: ${r.totals.pass} checks pass, ${r.totals.fail} fail, ${r.totals.skip} skipped; ${r.totals.requests} requests; ${exercised}/${documented} documented statuses exercised; ${(r.durationMs / 1000).toFixed(1)} s`, '');
  }
  return out.join('\n');
}
