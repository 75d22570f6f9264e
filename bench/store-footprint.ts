/**
 * Heap per stored job: creates N jobs through `engine.handleSync` (the bench's create request) and
 * prints the heap growth per job after a full GC. One API per run (an earlier engine's garbage would
 * be collected inside the next one's measurement). Run with --expose-gc:
 *
 *   node --expose-gc --import tsx bench/store-footprint.ts [--api iot] [--jobs 20000]
 */
import { BUILTIN_MODULES } from '../src/apis/registry.js';
import type { ApiName } from '../src/core/api-module.js';
import { createEngine } from '../src/engine/create-engine.js';
import { basePathOf } from '../src/spec/spec-index.js';
import { SCENARIOS } from './lib/scenarios.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : (argv[i + 1] ?? fallback);
};
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const jobs = Number(option('--jobs', '20000'));

{
  const api = option('--api', 'iot') as ApiName;
  const scenario = SCENARIOS[api];
  if (!scenario) throw new Error(`no scenario for ${api}`);
  const headers: Record<string, string> = { 'content-type': scenario.create.contentType };
  for (const [k, v] of Object.entries(BUILTIN_MODULES[api].auth.devCredentials()[0]!.headers)) headers[k.toLowerCase()] = v;
  const engine = createEngine({ apis: [api], clock: 'manual', journalSize: 0 });
  const path = `${basePathOf(BUILTIN_MODULES[api].spec)}${scenario.create.path}`;
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let n = 1; n <= jobs; n++) {
    const response = engine.handleSync(api, { method: 'POST', path, rawQuery: '', headers, bodyText: scenario.create.body(n) });
    if (response.status >= 300) throw new Error(`${api} create: ${response.status} ${response.bodyText}`);
  }
  gc();
  const perJob = (process.memoryUsage().heapUsed - before) / jobs;
  // Reading the store after the GC keeps the engine alive through it.
  console.log(`${api.padEnd(10)} ${engine.storeStats()[api]?.jobs} jobs stored: ${(perJob / 1024).toFixed(2)} KB of heap per created job`);
}
