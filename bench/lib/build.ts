import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startChild } from './children.js';
import { REPO } from './paths.js';

function newestSource(dir: string, depth = 0): number {
  if (depth > 12) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path, depth + 1));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * `serve` runs the built CLI (dist/bundle/, as `npm run build` leaves it), as users get it. Builds when
 * the bundle is missing or older than any source file. Returns what happened, for the report.
 */
export async function ensureBuilt(log: (line: string) => void): Promise<{ built: boolean; ms: number; warning?: string }> {
  const entry = join(REPO, 'dist', 'bundle', 'main.cjs');
  const stale = !existsSync(entry) || newestSource(join(REPO, 'src')) > statSync(entry).mtimeMs;
  if (!stale) return { built: false, ms: 0 };
  log('dist/ is missing or older than src/: npm run build (tsc, then the CLI bundle)');
  const started = performance.now();
  let warning: string | undefined;
  // Tracked children (not spawnSync), so Ctrl-C or the watchdog also stops the compiler.
  const tsc = await runStep('npm run build (tsc)', [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
  // tsc still emits on type errors; the bench measures what was emitted and says so.
  if (tsc.code !== 0) warning = `npm run build reported errors (dist/ emitted anyway):\n${tsc.output.slice(-1500)}`;
  const bundle = await runStep('npm run build (bundle)', ['--import', 'tsx', join(REPO, 'scripts', 'bundle-cli.ts')]);
  if (bundle.code !== 0 || !existsSync(entry)) throw new Error(`bench: bundling the CLI failed:\n${bundle.output.slice(-3000)}`);
  return { built: true, ms: performance.now() - started, ...(warning ? { warning } : {}) };
}

async function runStep(name: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const child = startChild(name, process.execPath, args, { cwd: REPO });
  const timer = setTimeout(() => void child.stop(), 300_000);
  const code = await child.exited;
  clearTimeout(timer);
  return { code, output: child.output() };
}
