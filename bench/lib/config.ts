import { API_NAMES, type ApiName } from '../../src/core/api-module.js';
import { SCENARIOS } from './scenarios.js';

/** How much of everything a run does. `--quick` is the CI smoke: the same steps, short. */
export interface BenchConfig {
  quick: boolean;
  apis: ApiName[];
  rounds: number;
  connections: number;
  warmupS: number;
  cellS: number;
  coldStarts: number;
  /** Stored jobs for the two list-cost points. */
  listCostSmall: number;
  listCostLarge: number;
  /** Sequential list calls timed at each point (at most the journal size, 1000). */
  listCostCalls: number;
  /** Seconds of GET load in each of the two RSS phases. */
  rssPhaseS: number;
  fixturesRuns: number;
  contractRuns: number;
  /** Hard limit for the whole run: past it the bench kills its children and fails. */
  maxRunS: number;
  out: string | undefined;
  /** Steps to run (default all); the table judges only what ran. */
  steps: ReadonlySet<BenchStep>;
  /** `--no-pin`: leave load generator and servers to the scheduler during the load cells. */
  noPin: boolean;
}

export const BENCH_STEPS = ['cold', 'fixtures', 'contract', 'load', 'rss', 'list'] as const;
export type BenchStep = (typeof BENCH_STEPS)[number];

const FULL: Omit<BenchConfig, 'apis' | 'out' | 'steps' | 'noPin'> = {
  quick: false,
  rounds: 3,
  connections: 10,
  warmupS: 2,
  cellS: 10,
  coldStarts: 7,
  listCostSmall: 100,
  listCostLarge: 100_000,
  listCostCalls: 1000,
  rssPhaseS: 10,
  fixturesRuns: 3,
  contractRuns: 2,
  maxRunS: 3600,
};

const QUICK: Omit<BenchConfig, 'apis' | 'out' | 'steps' | 'noPin'> = {
  quick: true,
  rounds: 1,
  connections: 10,
  warmupS: 0.2,
  cellS: 1,
  coldStarts: 2,
  listCostSmall: 100,
  // Filling 100,000 jobs through the API takes a minute per API; the smoke checks the mechanism.
  listCostLarge: 2_000,
  listCostCalls: 100,
  rssPhaseS: 0.5,
  fixturesRuns: 1,
  contractRuns: 1,
  maxRunS: 240,
};

const USAGE = `usage: npm run bench [-- --quick] [--apis iot,terrakube] [--rounds N] [--seconds S] [--out FILE]
  --quick      CI smoke: 1 s cells, 1 round, fewer cold starts (exits non-zero only when something is broken)
  --apis       APIs to load (default iot,terrakube; each needs a scenario in bench/lib/scenarios.ts)
  --rounds     measured rounds (default 3; the table shows medians, ratios are medians of per-round ratios)
  --seconds    measured seconds per cell (default 10)
  --out        where to write the raw JSON (default bench/results/<date>.json)
  --only       comma-separated steps to run: ${BENCH_STEPS.join(',')} (default all; for iterating on one figure)
  --no-pin     do not pin autocannon and the servers to separate cores (taskset) during the load cells`;

export function parseConfig(argv: readonly string[]): BenchConfig {
  const quick = argv.includes('--quick');
  const config: BenchConfig = { ...(quick ? QUICK : FULL), apis: ['iot', 'terrakube'], out: undefined, steps: new Set(BENCH_STEPS), noPin: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`bench: ${flag} needs a value\n${USAGE}`);
      return v;
    };
    const count = (min: number, max: number) => {
      const v = Number(value());
      if (!Number.isFinite(v) || v < min || v > max) throw new Error(`bench: ${flag} takes a number from ${min} to ${max}\n${USAGE}`);
      return v;
    };
    if (flag === '--quick') continue;
    else if (flag === '--no-pin') config.noPin = true;
    else if (flag === '--apis') {
      const names = value().split(',').filter(Boolean);
      const bad = names.filter((n) => !(API_NAMES as readonly string[]).includes(n) || !(n in SCENARIOS));
      if (names.length === 0 || bad.length > 0) throw new Error(`bench: no load scenario for ${bad.join(', ') || '(none)'}; have ${Object.keys(SCENARIOS).join(', ')}`);
      config.apis = names as ApiName[];
    } else if (flag === '--rounds') config.rounds = Math.round(count(1, 20));
    else if (flag === '--seconds') config.cellS = count(0.5, 120);
    else if (flag === '--out') config.out = value();
    else if (flag === '--only') {
      const steps = value().split(',').filter(Boolean);
      const bad = steps.filter((s) => !(BENCH_STEPS as readonly string[]).includes(s));
      if (steps.length === 0 || bad.length > 0) throw new Error(`bench: unknown step ${bad.join(', ') || '(none)'}; steps are ${BENCH_STEPS.join(', ')}`);
      config.steps = new Set(steps as BenchStep[]);
    }
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new Error(`bench: unknown option ${flag}\n${USAGE}`);
  }
  return config;
}
