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
 * `serve` runs the compiled CLI (dist/), as users get it. Builds when dist is missing or older than
 * any source file. Returns what happened, for the report.
 */
export async function ensureBuilt(log: (line: string) => void): Promise<{ built: boolean; ms: number; warning?: string }> {
  const entry = join(REPO, 'dist', 'cli', 'main.js');
  const stale = !existsSync(entry) || newestSource(join(REPO, 'src')) > statSync(entry).mtimeMs;
  if (!stale) return { built: false, ms: 0 };
  log('dist/ is missing or older than src/: npm run build');
  const started = performance.now();
  // A tracked child (not spawnSync), so Ctrl-C or the watchdog also stops the compiler.
  const tsc = startChild('npm run build (tsc)', process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: REPO });
  const timer = setTimeout(() => void tsc.stop(), 300_000);
  const code = await tsc.exited;
  clearTimeout(timer);
  const ms = performance.now() - started;
  if (code === 0) return { built: true, ms };
  if (!existsSync(entry)) throw new Error(`bench: npm run build failed and dist/cli/main.js does not exist:\n${tsc.output().slice(-3000)}`);
  // tsc still emits on type errors; the bench measures what was emitted and says so.
  return { built: true, ms, warning: `npm run build reported errors (dist/ emitted anyway):\n${tsc.output().slice(-1500)}` };
}
