import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './run-cli.js';

/**
 * What each command makes Node load, observed at run time: the built CLI runs with a preload that
 * records every package it requires (the bundle requires Ajv, yaml and faker from node_modules, Ajv and
 * yaml through shims that do so on first use). Help and --version stay instant, and `serve` starts
 * without Ajv (its validators are precompiled), yaml or the fixture generators' faker.
 */
const PRELOAD = `${ROOT}test/cli/support/record-requires.cjs`;
const BIN = `${ROOT}bin/jobs-kit.js`;

function requiredBy(stderr: string): string[] {
  const line = stderr.split('\n').find((l) => l.startsWith('REQUIRED '));
  if (!line) throw new Error(`the preload printed nothing: ${stderr}`);
  return JSON.parse(line.slice('REQUIRED '.length)) as string[];
}

function requiredByRun(args: string[]): string[] {
  ensureBuilt();
  const result = spawnSync(process.execPath, ['-r', PRELOAD, BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  expect(result.status, result.stderr).toBe(0);
  return requiredBy(result.stderr);
}

/** Starts serve, waits for its banner, stops it with SIGTERM and returns what it had required. */
function requiredByServe(): Promise<string[]> {
  ensureBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', PRELOAD, BIN, 'serve', '--port', '0'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start: ${stdout}${stderr}`));
    }, 30_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('admin')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', () => {
      clearTimeout(timer);
      try {
        resolve(requiredBy(stderr));
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

describe('cli: commands load lazily', () => {
  it('--version and --help require no package (commander is bundled)', () => {
    expect(requiredByRun(['--version'])).toEqual([]);
    expect(requiredByRun(['--help'])).toEqual([]);
  });

  it('serve requires neither Ajv, yaml nor faker (validators are precompiled, fixtures committed)', async () => {
    expect(await requiredByServe()).toEqual([]);
  });

  it('the fixtures command does require faker, so the recording sees what a command loads', () => {
    const out = `${ROOT}test-results/lazy-commands-fixtures`;
    expect(requiredByRun(['fixtures', '--api', 'alteryx', '--out', out])).toContain('@faker-js/faker');
  });
});
