/**
 * CPU profile of `jobs-kit serve` (node --cpu-prof): under the bench's load for one API, or its start-up
 * with all five APIs. Prints the hot spots by self and by inclusive time; keeps the .cpuprofile
 * (open it in Chrome DevTools → Performance, or speedscope).
 *
 *   npx tsx bench/profile.ts --api iot [--op list|get|create|all] [--seconds 10]
 *   npx tsx bench/profile.ts --startup
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_MODULES } from '../src/apis/registry.js';
import type { ApiName } from '../src/core/api-module.js';
import { basePathOf } from '../src/spec/spec-index.js';
import { ensureBuilt } from './lib/build.js';
import { freePort, installCleanup, startChild } from './lib/children.js';
import { hotSpots, renderHotSpots } from './lib/cpu-profile.js';
import { call, waitForOk } from './lib/http.js';
import { runCell } from './lib/load.js';
import { REPO } from './lib/paths.js';
import { capture, prepare, requestFor } from './lib/prepare.js';
import { OPERATIONS, SCENARIOS, type OperationName } from './lib/scenarios.js';
import type { Target } from './lib/targets.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : (argv[i + 1] ?? fallback);
};
const startup = argv.includes('--startup');
const api = option('--api', 'iot') as ApiName;
const op = option('--op', 'all');
const seconds = Math.min(120, Math.max(1, Number(option('--seconds', '10'))));
const scenario = SCENARIOS[api];
if (!startup && !scenario) throw new Error(`no scenario for ${api}; have ${Object.keys(SCENARIOS).join(', ')}`);
const ops = (op === 'all' ? OPERATIONS : [op]) as OperationName[];

installCleanup();
await ensureBuilt((line) => process.stderr.write(`[profile] ${line}\n`));
const dir = join(tmpdir(), 'jobs-kit-profiles');
mkdirSync(dir, { recursive: true });
const before = new Set(readdirSync(dir));

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const args = [`--cpu-prof`, `--cpu-prof-dir=${dir}`, join(REPO, 'bin', 'jobs-kit.js'), 'serve', '--port', String(port), '--clock', 'manual', ...(startup ? [] : ['--api', api])];
const child = startChild('jobs-kit serve (profiled)', process.execPath, args, { cwd: REPO });
await waitForOk(`${origin}/__admin/health`, 60_000, { gone: child.exited });

if (!startup) {
  const module = BUILTIN_MODULES[api];
  const credential = module.auth.devCredentials()[0]!.headers;
  const target: Target = {
    kind: 'jobs-kit',
    api,
    origin,
    prefix: basePathOf(module.spec),
    child,
    reset: async () => {
      await call({ method: 'POST', url: `${origin}/__admin/reset` });
    },
  };
  await prepare(target, scenario!, credential);
  const { listBody } = await capture(target, scenario!, credential);
  for (const name of ops) {
    await prepare(target, scenario!, credential);
    const figures = await runCell(origin, requestFor(target, scenario!, name, credential, listBody), { connections: 10, warmupS: 1, durationS: seconds });
    process.stderr.write(`[profile] ${api} ${name}: ${Math.round(figures.rps)} req/s, p99 ${figures.p99Ms} ms\n`);
  }
}
// SIGINT makes serve close and exit normally, which is when V8 writes the profile.
child.process.kill('SIGINT');
await child.exited;
const written = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
if (written.length === 0) throw new Error(`no .cpuprofile was written to ${dir}\n${child.output().slice(-1000)}`);
const file = join(dir, written[0]!);
const { totalMs, spots } = hotSpots(file);
const what = startup ? 'start-up of serve (all five APIs)' : `${api} ${ops.join('+')}, ${seconds} s each`;
process.stdout.write(`profile of ${what}: ${(totalMs / 1000).toFixed(1)} s sampled, ${file}\n\n`);
process.stdout.write(`${renderHotSpots('by self time', spots, 'self', 30)}\n\n`);
const ours = spots.filter((s) => s.where.startsWith('dist/'));
process.stdout.write(`${renderHotSpots('jobs-kit functions by inclusive time', ours, 'total', 40)}\n`);
