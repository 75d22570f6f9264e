import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_NAMES } from '../../src/core/api-module.js';
import { freePort, memoryOf, startChild } from './children.js';
import { call, waitForOk } from './http.js';
import { REPO } from './paths.js';

const BIN = join(REPO, 'bin', 'jobs-kit.js');

export interface CommandRun {
  ms: number;
  code: number | null;
  output: string;
}

/** Runs `node bin/jobs-kit.js ...args` to completion (killed past `timeoutMs`) and times it. */
export async function runJobsKit(args: readonly string[], timeoutMs: number): Promise<CommandRun> {
  const started = performance.now();
  const child = startChild(`jobs-kit ${args.join(' ')}`, process.execPath, [BIN, ...args], { cwd: REPO });
  const timer = setTimeout(() => void child.stop(), timeoutMs);
  const code = await child.exited;
  clearTimeout(timer);
  return { ms: performance.now() - started, code, output: child.output() };
}

export interface ColdStart {
  /**
   * The first start after a build, before bin/jobs-kit.js has a V8 code cache for `serve` (that run
   * writes it): what the first `serve` of a fresh install costs. Not part of the median.
   */
  firstRunMs?: number;
  /** Spawn → first 2xx from /__admin/health, per run, with the code cache as any later run has it. */
  runsMs: number[];
  /** RSS of the last run after it sat idle for `idleMs`. */
  idleRssMiB: number | undefined;
  idleMs: number;
  /**
   * RSS of the same run after `settledMs` idle: V8's memory reducer, which starts 8 s into idleness,
   * has collected the start-up garbage by then (the judged figure; undefined in --quick).
   */
  settledRssMiB?: number;
  settledMs?: number;
  /** The same for bench/servers/empty-server.mjs (Node and node:http alone), one run after each of ours. */
  nodeFloorMs: number[];
  nodeFloorRssMiB: number | undefined;
}

/** Spawn → first 2xx from /__admin/health; then the RSS at each of `rssAtMs` (ms after that answer, ascending). */
async function startOnce(name: string, args: string[], rssAtMs: readonly number[] = []): Promise<{ ms: number; rssMiB: (number | undefined)[] }> {
  const port = await freePort();
  const started = performance.now();
  const child = startChild(name, process.execPath, [...args, '--port', String(port)], { cwd: REPO });
  try {
    await waitForOk(`http://127.0.0.1:${port}/__admin/health`, 20_000, { intervalMs: 2, gone: child.exited });
    const answered = performance.now();
    const ms = answered - started;
    const rssMiB: (number | undefined)[] = [];
    for (const at of rssAtMs) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, answered + at - performance.now())));
      rssMiB.push(memoryOf(child.pid)?.rssMiB);
    }
    return { ms, rssMiB };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${child.output().slice(-1500)}`);
  } finally {
    await child.stop();
  }
}

/** `jobs-kit serve` with all five APIs, started `runs` times; each is stopped before the next. */
export async function measureColdStarts(runs: number, idleMs: number, settledMs?: number): Promise<ColdStart> {
  const serve = [BIN, 'serve', '--clock', 'manual'];
  const floor = [join(REPO, 'bench', 'servers', 'empty-server.mjs')];
  // A fresh build has no code cache: the priming run makes one (serve saves it once listening; the wait covers the write).
  const firstRunMs = existsSync(join(REPO, 'dist', 'bundle', 'main.cjs.serve.v8-cache')) ? undefined : (await startOnce('jobs-kit serve (first run, no code cache)', serve, [1500])).ms;
  const runsMs: number[] = [];
  const nodeFloorMs: number[] = [];
  let idleRssMiB: number | undefined;
  let settledRssMiB: number | undefined;
  let nodeFloorRssMiB: number | undefined;
  for (let i = 0; i < runs; i++) {
    const last = i === runs - 1;
    const ours = await startOnce('jobs-kit serve (all APIs)', serve, !last ? [] : settledMs === undefined ? [idleMs] : [idleMs, settledMs]);
    runsMs.push(ours.ms);
    if (last) [idleRssMiB, settledRssMiB] = ours.rssMiB;
    const bare = await startOnce('node:http alone (start-up floor)', floor, last ? [idleMs] : []);
    nodeFloorMs.push(bare.ms);
    if (last) nodeFloorRssMiB = bare.rssMiB[0];
  }
  return {
    ...(firstRunMs === undefined ? {} : { firstRunMs }),
    runsMs,
    idleRssMiB,
    idleMs,
    ...(settledMs === undefined ? {} : { settledRssMiB, settledMs }),
    nodeFloorMs,
    nodeFloorRssMiB,
  };
}

/** `jobs-kit fixtures --out <tmp>` for all five APIs, `runs` times. */
export async function measureFixtures(runs: number): Promise<CommandRun[]> {
  const results: CommandRun[] = [];
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'jobs-kit-bench-fixtures-'));
    try {
      results.push(await runJobsKit(['fixtures', '--out', out, '--api', API_NAMES.join(',')], 60_000));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return results;
}

/** Whether the CLI has a `contract` command yet (src/contract was built alongside the bench). */
export function hasContractCommand(): boolean {
  return existsSync(join(REPO, 'dist', 'cli', 'commands', 'contract.js'));
}

export interface ContractRun {
  ms: number;
  code: number | null;
  /** The runner's per-API summary lines (`PASS iot: 195 checks pass, ...`) and failed checks. */
  summary: string[];
  tail: string;
}

/**
 * `jobs-kit contract --api <all five> --base-url <serve>/{api}` against one `serve` with all five APIs,
 * the way a CI job runs it; the mock is reset before each run so the success examples meet fresh fixtures.
 */
export async function measureContract(runs: number): Promise<ContractRun[]> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = startChild('jobs-kit serve (contract target)', process.execPath, [BIN, 'serve', '--port', String(port), '--clock', 'manual'], { cwd: REPO });
  try {
    await waitForOk(`${origin}/__admin/health`, 30_000, { gone: server.exited });
    const out: ContractRun[] = [];
    for (let i = 0; i < runs; i++) {
      await call({ method: 'POST', url: `${origin}/__admin/reset` });
      const run = await runJobsKit(['contract', '--api', API_NAMES.join(','), '--base-url', `${origin}/{api}`], 120_000);
      const summary = run.output.split('\n').filter((line) => /^\s*(PASS|FAIL)\b/.test(line)).map((line) => line.trim());
      out.push({ ms: run.ms, code: run.code, summary, tail: run.output.slice(-1500) });
    }
    return out;
  } finally {
    await server.stop();
  }
}
