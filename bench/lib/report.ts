import type { CellFigures } from './load.js';
import type { OperationName } from './scenarios.js';
import { median, round } from './stats.js';
import type { TargetKind } from './targets.js';

/** One cell's figures across rounds, reduced to medians. */
export interface CellSummary {
  api: string;
  operation: OperationName;
  target: TargetKind;
  rounds: number;
  rps: number;
  /** req/s of each round, in round order (ratios are taken round by round, then the median). */
  rpsByRound: number[];
  p50Ms: number;
  p99Ms: number;
  /** Server CPU per response (µs): less disturbed by other load on the machine than req/s. */
  cpuUsPerRequest: number | undefined;
  /** Responses that were not 2xx plus socket errors and timeouts, summed over rounds. */
  failed: number;
  bodyBytes: number | undefined;
}

export function summarise(api: string, operation: OperationName, target: TargetKind, rounds: CellFigures[], bodyBytes: number | undefined): CellSummary {
  return {
    api,
    operation,
    target,
    rounds: rounds.length,
    rps: round(median(rounds.map((r) => r.rps)), 1),
    rpsByRound: rounds.map((r) => r.rps),
    p50Ms: round(median(rounds.map((r) => r.p50Ms))),
    p99Ms: round(median(rounds.map((r) => r.p99Ms))),
    cpuUsPerRequest: rounds.every((r) => r.cpuUsPerRequest !== undefined) ? round(median(rounds.map((r) => r.cpuUsPerRequest!)), 1) : undefined,
    failed: rounds.reduce((sum, r) => sum + Object.entries(r.statuses).reduce((s, [code, n]) => (code.startsWith('2') ? s : s + n), 0) + r.errors, 0),
    bodyBytes,
  };
}

export interface Verdict {
  figure: string;
  target: string;
  measured: string;
  /** undefined: not measured in this run. */
  pass: boolean | undefined;
}

const fmtInt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const fmtMs = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : 'n/a');
const fmtX = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)}×` : 'n/a');

/**
 * jobs-kit's req/s over another server's for one operation: the ratio within each round (the two
 * cells ran minutes apart at most), then the median over rounds, so drift between rounds cancels.
 */
export function ratio(cells: readonly CellSummary[], api: string, operation: OperationName, versus: TargetKind): number {
  const ours = cells.find((c) => c.api === api && c.operation === operation && c.target === 'jobs-kit');
  const other = cells.find((c) => c.api === api && c.operation === operation && c.target === versus);
  if (!ours || !other) return NaN;
  const n = Math.min(ours.rpsByRound.length, other.rpsByRound.length);
  const perRound = Array.from({ length: n }, (_, i) => ours.rpsByRound[i]! / other.rpsByRound[i]!).filter(Number.isFinite);
  return perRound.length > 0 ? median(perRound) : NaN;
}

function pad(cells: string[], widths: number[], right: boolean[]): string {
  return cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
}

/** The one table: every load cell (medians over rounds, ratios on jobs-kit's rows), then the targets. */
export function renderTable(cells: readonly CellSummary[], verdicts: readonly Verdict[], title: string): string {
  const head = ['api', 'op', 'server', 'req/s', 'p50 ms', 'p99 ms', 'vs bare', 'vs Prism', 'vs MSW', 'CPU µs/req', 'failed', 'body B'];
  const right = [false, false, false, true, true, true, true, true, true, true, true, true];
  const rows: string[][] = [];
  let last = '';
  for (const c of cells) {
    const ours = c.target === 'jobs-kit';
    const key = `${c.api} ${c.operation}`;
    rows.push([
      key === last ? '' : c.api,
      key === last ? '' : c.operation,
      c.target,
      fmtInt(c.rps),
      fmtMs(c.p50Ms),
      fmtMs(c.p99Ms),
      ours ? fmtX(ratio(cells, c.api, c.operation, 'bare')) : '',
      ours ? fmtX(ratio(cells, c.api, c.operation, 'prism')) : '',
      ours ? fmtX(ratio(cells, c.api, c.operation, 'msw')) : '',
      c.cpuUsPerRequest === undefined ? 'n/a' : c.cpuUsPerRequest.toFixed(0),
      c.failed === 0 ? '0' : `${c.failed} !`,
      c.bodyBytes === undefined ? '' : String(c.bodyBytes),
    ]);
    last = key;
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const lines = [title, rule, pad(head, widths, right), rule, ...rows.map((r) => pad(r, widths, right)), rule];
  const vHead = ['target (issue 7)', 'measured', 'result'];
  const vRows = verdicts.map((v) => [`${v.figure}: ${v.target}`, v.measured, v.pass === undefined ? 'n/a' : v.pass ? 'PASS' : 'FAIL']);
  const vWidths = vHead.map((h, i) => Math.max(h.length, ...vRows.map((r) => r[i]!.length)));
  lines.push(pad(vHead, vWidths, [false, false, false]), ...vRows.map((r) => pad(r, vWidths, [false, false, false])), rule);
  return lines.join('\n');
}

export { fmtInt, fmtMs, fmtX };
