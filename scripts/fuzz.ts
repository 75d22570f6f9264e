/**
 * `npm run fuzz -- --runs 100000 [--seed N]`: the fuzzing of test/fuzz at volume. Prints the tally and
 * exits 1 on any crash, 5xx, 4xx outside the API's error schema, broken invariant or polluted prototype
 * (2 on bad flags).
 */
import { runFuzz } from '../test/fuzz/run-fuzz.js';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name} needs a whole number >= 1, got ${JSON.stringify(process.argv[at + 1] ?? '')}\n`);
    process.exit(2);
  }
  return value;
}

const runs = flag('runs', 100_000);
const seed = flag('seed', 20261123);
const started = performance.now();
const tally = runFuzz(runs, seed, (done) => {
  if (done % 10_000 === 0) process.stderr.write(`[fuzz] ${done}/${runs} after ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
});
const seconds = (performance.now() - started) / 1000;
const failures = tally.crashes + tally.serverErrorCount + tally.errorSchemaFailures.length + tally.invariantViolations.length + (tally.prototypePolluted ? 1 : 0);

const lines = [
  `fuzz: ${runs} runs, seed ${seed}, ${seconds.toFixed(1)} s (${Math.round(tally.requests / seconds)} requests/s)`,
  `  requests answered            ${tally.requests}`,
  `  crashes (engine threw)       ${tally.crashes}`,
  `  5xx (none injected)          ${tally.serverErrorCount}`,
  `  4xx outside error schema     ${tally.errorSchemaFailures.length}`,
  `  invariant violations         ${tally.invariantViolations.length}`,
  `  Object.prototype polluted    ${tally.prototypePolluted ? 'YES' : 'no'}`,
  `  statuses                     ${JSON.stringify(tally.byStatus)}`,
  ...[...tally.serverErrors, ...tally.errorSchemaFailures.slice(0, 20), ...tally.invariantViolations.slice(0, 20)].map((line) => `  ! ${line}`),
  failures === 0 ? 'fuzz: PASS' : `fuzz: FAIL (${failures} failures)`,
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(failures === 0 ? 0 : 1);
