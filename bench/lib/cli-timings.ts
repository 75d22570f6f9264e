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
}

/** `jobs-kit serve` with all five APIs, started `runs` times; each is stopped before the next. */
export async function measureColdStarts(runs: number, idleMs: number): Promise<ColdStart> {
  const runsMs: number[] = [];
  let idleRssMiB: number | undefined;
  let firstRunMs: number | undefined;
  // A fresh build has no code cache: the priming run makes one (it lives past bin/jobs-kit.js's 1 s save).
  if (!existsSync(join(REPO, 'dist', 'bundle', 'main.cjs.serve.v8-cache'))) {
    const port = await freePort();
    const started = performance.now();
    const child = startChild('jobs-kit serve (first run, no code cache)', process.execPath, [BIN, 'serve', '--port', String(port), '--clock', 'manual'], { cwd: REPO });
    try {
      await waitForOk(`http://127.0.0.1:${port}/__admin/health`, 20_000, { intervalMs: 2, gone: child.exited });
      firstRunMs = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      await child.stop();
    }
  }
  for (let i = 0; i < runs; i++) {
    const port = await freePort();
    const started = performance.now();
    const child = startChild('jobs-kit serve (all APIs)', process.execPath, [BIN, 'serve', '--port', String(port), '--clock', 'manual'], { cwd: REPO });
    try {
      await waitForOk(`http://127.0.0.1:${port}/__admin/health`, 20_000, { intervalMs: 2, gone: child.exited });
      runsMs.push(performance.now() - started);
      if (i === runs - 1) {
        await new Promise((resolve) => setTimeout(resolve, idleMs));
        idleRssMiB = memoryOf(child.pid)?.rssMiB;
      }
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${child.output().slice(-1500)}`);
    } finally {
      await child.stop();
    }
  }
  return { ...(firstRunMs === undefined ? {} : { firstRunMs }), runsMs, idleRssMiB, idleMs };
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
