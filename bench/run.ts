/**
 * `npm run bench`: jobs-kit serve vs bare node:http vs Prism vs an MSW adapter on the same data, plus
 * cold start, RSS, list cost, `jobs-kit contract` and `jobs-kit fixtures`, judged against issue 7's
 * targets. `npm run bench -- --quick` is the CI smoke (exits non-zero only when something is broken).
 * Method and results: docs/performance.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureBuilt } from './lib/build.js';
import { installCleanup, memoryOf, stopAll } from './lib/children.js';
import { hasContractCommand, measureColdStarts, measureContract, measureFixtures } from './lib/cli-timings.js';
import { parseConfig, type BenchStep } from './lib/config.js';
import { allCores, availablePinning, pin } from './lib/cpu-pinning.js';
import { measureListCost, type ListCostPoint } from './lib/list-cost.js';
import { REPO } from './lib/paths.js';
import { createRecorder, describeFailure } from './lib/recorder.js';
import { renderTable, summarise, type CellSummary } from './lib/report.js';
import { cellKey, loadRounds, rssPhases } from './lib/rounds.js';
import { OPERATIONS } from './lib/scenarios.js';
import { setUpApi, type ApiSetup } from './lib/setup.js';
import { round } from './lib/stats.js';
import { TARGET_KINDS } from './lib/targets.js';
import { judge, type RssFigures } from './lib/verdicts.js';

const config = parseConfig(process.argv.slice(2));
installCleanup();
const recorder = createRecorder();
const { problems, warnings, log } = recorder;
const startedAt = new Date();
const runStarted = performance.now();
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memGiB: round(totalmem() / 2 ** 30, 1), node: process.version, platform: process.platform, loadavgAtStart: loadavg().map((l) => round(l, 2)) };

const watchdog = setTimeout(() => {
  process.stderr.write(`[bench] still running after ${config.maxRunS} s: stopping every child and failing\n`);
  process.exit(1);
}, config.maxRunS * 1000);
watchdog.unref();

const stepSeconds: Record<string, number> = {};

/** Runs one step; a failure is recorded as a problem (non-zero exit) and the run goes on. */
async function step<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
  log(name);
  const started = performance.now();
  try {
    return await work();
  } catch (error) {
    problems.push(`${name}: ${describeFailure(error)}`);
    log(`FAILED ${name}: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  } finally {
    stepSeconds[name] = round((performance.now() - started) / 1000, 1);
  }
}

async function main(): Promise<void> {
  const build = await ensureBuilt(log);
  stepSeconds['build'] = round(build.ms / 1000, 1);
  if (build.warning) warnings.push(build.warning);
  const runs = (name: BenchStep) => config.steps.has(name);

  // The timed commands first, with nothing else running.
  const coldStart = !runs('cold') ? undefined : await step(`cold start of serve with all five APIs (${config.coldStarts} runs)`, () => measureColdStarts(config.coldStarts, config.quick ? 300 : 1000, config.quick ? undefined : 15_000));
  const fixtures = !runs('fixtures') ? undefined : await step(`jobs-kit fixtures for all five APIs (${config.fixturesRuns} runs)`, () => measureFixtures(config.fixturesRuns));
  for (const run of fixtures ?? []) if (run.code !== 0) problems.push(`jobs-kit fixtures exited ${run.code}: ${run.output.slice(-800)}`);
  const contract = !runs('contract') ? undefined : await step(`jobs-kit contract for all five APIs against serve (${config.contractRuns} runs)`, async () => {
    if (!hasContractCommand()) return 'not available yet' as const;
    const contractRuns = await measureContract(config.contractRuns);
    for (const run of contractRuns) {
      // 1 = the runner found violations (the mock broke its spec: npm test judges that); anything else = it could not run.
      if (run.code === 1) warnings.push(`jobs-kit contract found violations: ${run.summary.filter((line) => line.startsWith('FAIL')).join(' | ')}`);
      else if (run.code !== 0) problems.push(`jobs-kit contract exited ${run.code}: ${run.tail}`);
    }
    return contractRuns;
  });

  // Start-up is not measured here, so the APIs' servers start side by side.
  const needServers = runs('load') || runs('rss') || runs('list');
  const started = !needServers ? [] : await Promise.all(config.apis.map((api) => step(`starting ${api}: jobs-kit serve, bare node:http, MSW adapter, Prism`, () => setUpApi(api, config.quick ? 300 : 1000, recorder))));
  const setups = started.filter((s): s is ApiSetup => s !== undefined);
  const { pinning, reason: pinningNote } = availablePinning(config.noPin);
  const withPinning = async <T>(run: () => Promise<T>): Promise<T> => {
    if (!pinning) return run();
    pin(process.pid, String(pinning.load));
    for (const s of setups) for (const t of s.targets) pin(t.child.pid, String(pinning.servers));
    try {
      return await run();
    } finally {
      // The steps after the load (RSS, list cost) and start-up figures run with both cores, as users do.
      pin(process.pid, allCores());
      for (const s of setups) for (const t of s.targets) if (t.child.process.exitCode === null) pin(t.child.pid, allCores());
    }
  };
  const raw = !runs('load')
    ? {}
    : ((await step(`load: ${config.rounds} round(s) × ${setups.length} API(s) × ${OPERATIONS.length} ops × servers, ${config.cellS} s per cell after ${config.warmupS} s warm-up; cores: ${pinningNote}`, () => withPinning(() => loadRounds(setups, config, recorder)))) ?? {});
  const afterRoundsMiB = Object.fromEntries(setups.map((s) => [s.api, memoryOf(s.jobsKit.child.pid)?.rssMiB]));
  const rss: RssFigures[] = [];
  for (const s of runs('rss') ? setups : []) {
    const figures = await step(`RSS under two ${config.rssPhaseS} s phases of list load (${s.api})`, () => rssPhases(s, config.connections, config.rssPhaseS));
    if (figures) rss.push(figures);
  }
  const listCost: Record<string, ListCostPoint[]> = {};
  for (const s of runs('list') ? setups : []) {
    const points = await step(`list cost with ${config.listCostSmall} vs ${config.listCostLarge.toLocaleString('en-US')} created jobs (${s.api})`, () =>
      measureListCost(s.jobsKit, s.scenario, s.credential, [config.listCostSmall, config.listCostLarge], config.listCostCalls, () => memoryOf(s.jobsKit.child.pid)?.rssMiB),
    );
    if (points) listCost[s.api] = points;
  }
  await stopAll();

  const cells: CellSummary[] = [];
  for (const s of setups) {
    for (const op of OPERATIONS) {
      for (const kind of TARGET_KINDS) {
        const rounds = raw[cellKey(s.api, op, kind)];
        if (rounds) cells.push(summarise(s.api, op, kind, rounds, s.bytes[kind]?.[op]));
      }
    }
  }
  const verdicts = judge({ cells, coldStart, rss, listCost, contract, fixtures });
  const title = `jobs-kit bench${config.quick ? ' (--quick: smoke figures, not the judged run)' : ''}: ${config.rounds} round(s), ${config.cellS} s cells, ${config.connections} connections, median of rounds; ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}${runs('load') ? `; load cells: ${pinningNote}` : ''}`;
  process.stdout.write(`\n${renderTable(cells, verdicts, title)}\n`);
  for (const w of warnings) process.stdout.write(`warning: ${w.split('\n')[0]}\n`);
  for (const p of problems) process.stdout.write(`BROKEN: ${p.split('\n')[0]}\n`);

  const stamp = startedAt.toISOString().replace(/:\d\d\.\d+Z$/, 'Z').replace(':', '');
  const out = config.out ?? join(REPO, 'bench', 'results', config.quick ? `${stamp}.quick.tmp.json` : `${stamp}.json`);
  mkdirSync(dirname(out), { recursive: true });
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    config: { ...config, steps: [...config.steps] },
    machine: { ...machine, loadavgAtEnd: loadavg().map((l) => round(l, 2)), pinning: pinningNote },
    build,
    stepSeconds,
    cells,
    rawCells: raw,
    coldStart,
    rss,
    rssAfterLoadRoundsMiB: afterRoundsMiB,
    listCost,
    contract,
    fixtures: fixtures?.map((r) => ({ ms: round(r.ms, 1), code: r.code })),
    verdicts,
    warnings,
    problems,
  };
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`raw figures: ${out} (run took ${((performance.now() - runStarted) / 1000).toFixed(0)} s)\n`);
}

try {
  await main();
} catch (error) {
  problems.push(`bench: ${(error as Error).stack ?? error}`);
  process.stderr.write(`[bench] ${(error as Error).stack ?? error}\n`);
} finally {
  await stopAll();
}
process.exit(problems.length > 0 ? 1 : 0);
