import type { ColdStart, CommandRun, ContractRun } from './cli-timings.js';
import type { ListCostPoint } from './list-cost.js';
import { fmtMs, fmtX, ratio, type CellSummary, type Verdict } from './report.js';
import { median } from './stats.js';
import type { TargetKind } from './targets.js';

export interface RssFigures {
  api: string;
  idleMiB: number | undefined;
  /** After the first and the second phase of GET load (same length each). */
  afterLoadMiB: number | undefined;
  afterMoreLoadMiB: number | undefined;
  peakMiB: number | undefined;
  journal: { size: number; capacity: number; evicted: number } | undefined;
}

export interface Measurements {
  cells: CellSummary[];
  coldStart: ColdStart | undefined;
  rss: RssFigures[];
  listCost: Record<string, ListCostPoint[]>;
  contract: ContractRun[] | 'not available yet' | undefined;
  fixtures: CommandRun[] | undefined;
}

function worst(cells: readonly CellSummary[], versus: TargetKind): { value: number; where: string } | undefined {
  let out: { value: number; where: string } | undefined;
  for (const c of cells) {
    if (c.target !== 'jobs-kit') continue;
    const value = ratio(cells, c.api, c.operation, versus);
    if (Number.isFinite(value) && (!out || value < out.value)) out = { value, where: `${c.api} ${c.operation}` };
  }
  return out;
}

/** Lowest ratio of CPU per request (theirs / ours): the req/s ratio the machine would give if nothing else ran on it. */
function worstByCpu(cells: readonly CellSummary[], versus: TargetKind): { value: number; where: string } | undefined {
  let out: { value: number; where: string } | undefined;
  for (const c of cells) {
    if (c.target !== 'jobs-kit' || c.cpuUsPerRequest === undefined) continue;
    const other = cells.find((o) => o.api === c.api && o.operation === c.operation && o.target === versus);
    if (!other?.cpuUsPerRequest) continue;
    const value = other.cpuUsPerRequest / c.cpuUsPerRequest;
    if (!out || value < out.value) out = { value, where: `${c.api} ${c.operation}` };
  }
  return out;
}

const mib = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(1)} MiB`);

/** The targets of issue 7, judged on this run's figures. */
export function judge(m: Measurements): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const [versus, min, label] of [
    ['bare', 0.5, 'bare node:http'],
    ['prism', 10, 'Prism'],
    ['msw', 3, 'the MSW adapter'],
  ] as const) {
    const w = worst(m.cells, versus);
    const cpu = worstByCpu(m.cells, versus);
    const byCpu = cpu ? `; by CPU/req ${fmtX(cpu.value)} (${cpu.where})` : '';
    verdicts.push({ figure: 'req/s, each op', target: `>= ${min}× ${label}`, measured: w ? `lowest ${fmtX(w.value)} (${w.where})${byCpu}` : 'n/a', pass: w ? w.value >= min : undefined });
  }
  const ours = m.cells.filter((c) => c.target === 'jobs-kit');
  const p99 = ours.reduce<CellSummary | undefined>((a, c) => (!a || c.p99Ms > a.p99Ms ? c : a), undefined);
  // The bare server's own p99 is the floor this machine allows: shown next to ours.
  const bareP99 = Math.max(...m.cells.filter((c) => c.target === 'bare').map((c) => c.p99Ms));
  const floor = Number.isFinite(bareP99) ? `; bare node:http highest ${fmtMs(bareP99)} ms` : '';
  verdicts.push({ figure: 'p99 at 10 connections', target: '<= 2 ms', measured: p99 ? `highest ${fmtMs(p99.p99Ms)} ms (${p99.api} ${p99.operation})${floor}` : 'n/a', pass: p99 ? p99.p99Ms <= 2 : undefined });

  const cold = m.coldStart && m.coldStart.runsMs.length > 0 ? median(m.coldStart.runsMs) : undefined;
  verdicts.push({ figure: 'cold start, serve (5 APIs)', target: '<= 250 ms', measured: cold === undefined ? 'n/a' : `median ${cold.toFixed(0)} ms of ${m.coldStart!.runsMs.length}${m.coldStart!.nodeFloorMs?.length ? `; node:http alone ${median(m.coldStart!.nodeFloorMs).toFixed(0)} ms` : ''}${m.coldStart!.firstRunMs === undefined ? '' : `; first run after a build (no code cache) ${m.coldStart!.firstRunMs.toFixed(0)} ms`}`, pass: cold === undefined ? undefined : cold <= 250 });

  // Judged once V8's memory reducer has run (settled); in --quick, 1 s after the first answer.
  const idle = m.coldStart?.settledRssMiB ?? m.coldStart?.idleRssMiB;
  const settledNote = m.coldStart?.settledRssMiB === undefined ? '' : ` after ${(m.coldStart.settledMs! / 1000).toFixed(0)} s idle (${mib(m.coldStart.idleRssMiB)} after ${(m.coldStart.idleMs / 1000).toFixed(0)} s)`;
  const perApi = m.rss.map((r) => `${r.api} ${mib(r.idleMiB)}`).join(', ');
  verdicts.push({ figure: 'idle RSS, serve', target: '<= 70 MiB', measured: `5 APIs ${mib(idle)}${settledNote}${perApi ? `; ${perApi}` : ''}${m.coldStart?.nodeFloorRssMiB === undefined ? '' : `; node:http alone ${mib(m.coldStart.nodeFloorRssMiB)}`}`, pass: idle === undefined ? undefined : idle <= 70 && m.rss.every((r) => r.idleMiB === undefined || r.idleMiB <= 70) });

  // Bounded: a second, equal phase of load must not grow RSS (10% + 4 MiB slack for heap sizing),
  // and the journal must stay within its capacity.
  const bounded = m.rss.filter((r) => r.afterLoadMiB !== undefined && r.afterMoreLoadMiB !== undefined);
  verdicts.push({
    figure: 'RSS after load',
    target: 'bounded (journal capped)',
    measured: bounded.map((r) => `${r.api} ${mib(r.afterLoadMiB)} → ${mib(r.afterMoreLoadMiB)}, journal ${r.journal ? `${r.journal.size}/${r.journal.capacity}` : 'n/a'}`).join('; ') || 'n/a',
    pass: bounded.length === 0 ? undefined : bounded.every((r) => r.afterMoreLoadMiB! <= r.afterLoadMiB! * 1.1 + 4 && (!r.journal || r.journal.size <= r.journal.capacity)),
  });

  const costs = Object.entries(m.listCost).filter(([, points]) => points.length === 2);
  const costRatios = costs.map(([api, [small, large]]) => ({ api, small: small!, large: large!, value: large!.engineMs / small!.engineMs }));
  verdicts.push({
    figure: 'list page cost',
    target: `large store <= 1.5× small`,
    measured: costRatios.map((c) => `${c.api} ${c.small.engineMs} → ${c.large.engineMs} ms (${c.small.created} → ${c.large.created.toLocaleString('en-US')} jobs) ${fmtX(c.value)}`).join('; ') || 'n/a',
    pass: costRatios.length === 0 ? undefined : costRatios.every((c) => c.value <= 1.5),
  });

  if (m.contract === 'not available yet' || m.contract === undefined) {
    verdicts.push({ figure: 'jobs-kit contract, 5 APIs', target: '<= 10 s', measured: m.contract ?? 'n/a', pass: undefined });
  } else {
    const s = median(m.contract.map((r) => r.ms)) / 1000;
    verdicts.push({ figure: 'jobs-kit contract, 5 APIs', target: '<= 10 s', measured: `median ${s.toFixed(2)} s of ${m.contract.length}`, pass: s <= 10 });
  }
  if (m.fixtures && m.fixtures.length > 0) {
    const s = median(m.fixtures.map((r) => r.ms)) / 1000;
    verdicts.push({ figure: 'jobs-kit fixtures, 5 APIs', target: '<= 2 s', measured: `median ${s.toFixed(2)} s of ${m.fixtures.length}`, pass: s <= 2 });
  } else verdicts.push({ figure: 'jobs-kit fixtures, 5 APIs', target: '<= 2 s', measured: 'n/a', pass: undefined });
  return verdicts;
}
