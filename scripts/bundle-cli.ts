/**
 * Bundles the CLI into dist/bundle/ (part of `npm run build`, after tsc); bin/jobs-kit.js runs it.
 * What goes in and why: cli-bundle-options.ts.
 *
 * Built beside the old bundle and swapped in by renames, so a CLI started meanwhile (another
 * terminal, a test run) never finds the folder half-written.
 */
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cliBundleOptions } from './cli-bundle-options.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = `${root}dist/bundle`;
const fresh = `${target}.new-${process.pid}`;
const old = `${target}.old-${process.pid}`;

try {
  await build(cliBundleOptions(root, fresh));
} catch {
  rmSync(fresh, { recursive: true, force: true });
  process.exit(1); // esbuild has printed the errors
}
if (existsSync(target)) renameSync(target, old);
renameSync(fresh, target);
rmSync(old, { recursive: true, force: true });
