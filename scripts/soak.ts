/**
 * `npm run soak -- --minutes 10 [--connections 32] [--warmup-s 60] [--sample-s 5]`: `jobs-kit serve` under full
 * load (autocannon) mixing reads and creates across the five APIs. Samples the server's RSS and open file
 * descriptors (sockets among them) every few seconds and fails (exit 1) when RSS leaves ±15 % of its
 * value at the end of warm-up, when descriptors grow, or when the server answers 5xx. Exit 2: bad flags
 * or the server did not start.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { BUILTIN_MODULES } from '../src/apis/registry.js';
import { API_NAMES } from '../src/core/api-module.js';
import { indexSpec } from '../src/spec/spec-index.js';
import { exampleRequests } from '../test/fuzz/spec-shaped.js';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`soak: --${name} needs a number > 0, got ${JSON.stringify(process.argv[at + 1] ?? '')}\n`);
    process.exit(2);
  }
  return value;
}

const minutes = flag('minutes', 10);
const connections = flag('connections', 32);
const sampleS = flag('sample-s', minutes < 1 ? 1 : 5);
const warmupS = flag('warmup-s', Math.min(60, minutes * 60 * 0.2));
const RSS_BAND = 0.15;
/** Per API: reached within the first minute at full load, so the steady state is the capped one. */
const MAX_JOBS = 1000;
/** Descriptors may wobble by a few (autocannon reconnecting after a Connection: close); growth is more than that. */
const FD_SLACK = 8;

/** The load: every API's example GETs (lists, reads) and POSTs (creates, actions), with the first dev user. */
function loadMix(): AutocannonRequest[] {
  return API_NAMES.flatMap((api) => {
    const module = BUILTIN_MODULES[api];
    const credential = module.auth.devCredentials()[0]!.headers;
    return exampleRequests(module.spec, indexSpec(api, module.spec))
      .filter((r) => r.method === 'GET' || r.method === 'POST')
      .map((r) => ({ method: r.method as 'GET' | 'POST', path: `/${api}${r.path}${r.rawQuery ? `?${r.rawQuery}` : ''}`, headers: { ...credential, ...r.headers }, body: r.bodyText }));
  });
}

interface Sample {
  s: number;
  rssMiB: number;
  /** The server's V8 heap in use and committed (`/__admin/stats` memory): tells a growing heap from RSS growth outside it. */
  heapUsedMiB?: number;
  heapTotalMiB?: number;
  fds: number;
  sockets: number;
}

async function heapOf(url: string): Promise<Pick<Sample, 'heapUsedMiB' | 'heapTotalMiB'>> {
  try {
    const stats = (await (await fetch(`${url}/__admin/stats`, { signal: AbortSignal.timeout(5000) })).json()) as { memory?: { heapUsedMiB: number; heapTotalMiB: number } };
    return stats.memory ? { heapUsedMiB: stats.memory.heapUsedMiB, heapTotalMiB: stats.memory.heapTotalMiB } : {};
  } catch {
    return {}; // a slow answer under full load only costs this sample its heap figures
  }
}

function sampleOf(pid: number, s: number): Sample {
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
  const fds = readdirSync(`/proc/${pid}/fd`);
  let sockets = 0;
  for (const fd of fds) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:')) sockets++;
    } catch {
      // closed while we looked
    }
  }
  return { s, rssMiB: Math.round((rssKiB / 1024) * 10) / 10, fds: fds.length, sockets };
}

async function main(): Promise<number> {
  const serveArgs = ['bin/jobs-kit.js', 'serve', '--port', '0', '--clock', 'real', '--journal-size', '1000'];
  const help = await new Promise<string>((resolve) => {
    const child = spawn(process.execPath, ['bin/jobs-kit.js', 'serve', '--help']);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', () => resolve(out));
  });
  // Store caps (helper A's --max-jobs) bound the creates; without them the stores would grow by design.
  const capped = help.includes('--max-jobs');
  if (capped) serveArgs.push('--max-jobs', String(MAX_JOBS));
  const server = spawn(process.execPath, serveArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
  const stopServer = () => server.kill('SIGTERM');
  process.once('exit', () => server.kill('SIGKILL'));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m && out.includes('admin')) resolve(m[1]!);
    });
    server.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening: ${out}`)));
  }).catch((error: Error) => {
    process.stderr.write(`soak: ${error.message}\n`);
    process.exit(2);
  });
  const pid = server.pid!;
  const requests = loadMix();
  const duration = minutes * 60;
  process.stdout.write(`soak: ${minutes} min on ${url} (pid ${pid}), ${connections} connections, ${requests.length} request kinds (${requests.filter((r) => r.method === 'POST').length} writes), warm-up ${warmupS} s, ${capped ? `stores capped with --max-jobs ${MAX_JOBS}` : 'serve has no --max-jobs: creates bounded by resetting the stores every 60 s'}\n`);

  const samples: Sample[] = [];
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) / 100) / 10;
  const sampler = setInterval(() => {
    const sample = sampleOf(pid, elapsed());
    samples.push(sample);
    void heapOf(url).then((heap) => {
      Object.assign(sample, heap);
      const heapText = heap.heapUsedMiB === undefined ? '' : `  heap ${String(heap.heapUsedMiB).padStart(6)} / ${String(heap.heapTotalMiB).padStart(6)} MiB`;
      process.stdout.write(`  t=${String(sample.s).padStart(6)} s  rss ${String(sample.rssMiB).padStart(7)} MiB${heapText}  fds ${sample.fds}  sockets ${sample.sockets}\n`);
    });
  }, sampleS * 1000);
  const resetter = capped ? undefined : setInterval(() => void fetch(`${url}/__admin/reset`, { method: 'POST' }).catch(() => {}), 60_000);

  const statuses: Record<string, number> = {};
  const run = autocannon({ url, connections, duration, requests, timeout: 10 });
  run.on('response', (_client: unknown, status: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  // When a request failed or timed out, and which: the summary alone cannot say.
  const failures: string[] = [];
  run.on('reqError', (error: Error) => {
    if (failures.length < 5) failures.push(`t=${elapsed()} s: ${error.message}`);
  });
  const result = await run;
  clearInterval(sampler);
  if (resetter) clearInterval(resetter);
  samples.push(sampleOf(pid, elapsed()));
  // Journal fill and store sizes with their evictions (the caps at work).
  const stats = await (await fetch(`${url}/__admin/stats`)).text();
  stopServer();

  const steady = samples.filter((s) => s.s >= warmupS);
  const baseline = steady[0];
  if (!baseline || steady.length < 3) {
    process.stdout.write('soak: too few samples after warm-up to judge (run longer)\n');
    return 1;
  }
  const rss = steady.map((s) => s.rssMiB);
  const min = Math.min(...rss);
  const max = Math.max(...rss);
  const end = rss.at(-1)!;
  const maxFds = Math.max(...steady.map((s) => s.fds));
  const serverErrors = Object.entries(statuses).filter(([status]) => Number(status) >= 500).reduce((n, [, count]) => n + count, 0);
  const problems: string[] = [];
  if (min < baseline.rssMiB * (1 - RSS_BAND) || max > baseline.rssMiB * (1 + RSS_BAND)) problems.push(`RSS left ±15 % of ${baseline.rssMiB} MiB (min ${min}, max ${max})`);
  if (maxFds > baseline.fds + FD_SLACK) problems.push(`open descriptors grew from ${baseline.fds} to ${maxFds}`);
  if (serverErrors > 0) problems.push(`${serverErrors} 5xx answers`);
  if (result.errors > 0 || result.timeouts > 0) problems.push(`${result.errors} connection errors, ${result.timeouts} timeouts (first: ${failures.join(' | ')})`);

  process.stdout.write(
    [
      `soak: ${result.requests.total} requests in ${result.duration} s (${Math.round(result.requests.average)} req/s), statuses ${JSON.stringify(statuses)}`,
      `  RSS (MiB): start ${samples[0]?.rssMiB}, after warm-up ${baseline.rssMiB}, min ${min}, max ${max}, end ${end} (band ±15 %: ${Math.round(baseline.rssMiB * 0.85 * 10) / 10}-${Math.round(baseline.rssMiB * 1.15 * 10) / 10})`,
      `  V8 heap used (MiB, sampled at any point of the GC cycle): ${heapRange(steady)}`,
      `  descriptors: after warm-up ${baseline.fds} (${baseline.sockets} sockets), max ${maxFds}, end ${samples.at(-1)!.fds}`,
      `  admin stats at the end: ${stats}`,
      problems.length === 0 ? 'soak: PASS' : `soak: FAIL: ${problems.join('; ')}`,
    ].join('\n') + '\n',
  );
  return problems.length === 0 ? 0 : 1;
}

function heapRange(samples: Sample[]): string {
  const used = samples.map((s) => s.heapUsedMiB).filter((v): v is number => v !== undefined);
  if (used.length === 0) return 'not reported';
  return `after warm-up ${used[0]}, min ${Math.min(...used)}, max ${Math.max(...used)}, end ${used.at(-1)}`;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`soak: ${error.message}\n`);
    process.exit(2);
  },
);
