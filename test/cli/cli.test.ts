import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_NAMES } from '../../src/core/api-module.js';
import { ensureBuilt, runCli, startServe, waitExit } from './run-cli.js';

beforeAll(() => ensureBuilt());

describe('cli: usage', () => {
  it('prints usage with the commands and exit codes for --help', () => {
    const { status, stdout } = runCli(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Usage: jobs-kit/);
    expect(stdout).toMatch(/serve/);
    expect(stdout).toMatch(/Exit codes/);
  });
  it('prints the version', () => {
    const { status, stdout } = runCli(['--version']);
    expect(status).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it('refuses an unknown API with one line and exit 2', () => {
    const { status, stderr } = runCli(['serve', '--api', 'nope']);
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/unknown API "nope".*contenthub, iot, alteryx, exabyte, terrakube/);
  });
  it('refuses a bad port and a bad latency with exit 2', () => {
    expect(runCli(['serve', '--port', '70000']).status).toBe(2);
    expect(runCli(['serve', '--latency', 'fast']).stderr).toMatch(/--latency takes MS or MIN-MAX/);
  });
  it('refuses a --heap-growth that is not a percentage from 0 to 1000, with one line and exit 2', () => {
    for (const bad of ['x', '-5', '1001', '2.5']) {
      const { status, stderr } = runCli(['serve', '--heap-growth', bad]);
      expect(status).toBe(2);
      expect(stderr.trim()).toBe(`jobs-kit: JOBSKIT_USAGE: --heap-growth must be a whole number from 0 to 1000, got "${bad}"`);
    }
  });
  it('refuses an unknown command with exit 2', () => {
    expect(runCli(['explode']).status).toBe(2);
  });
});

describe('cli: serve', () => {
  it('prints every base URL with dev credentials, answers, and exits 0 on SIGTERM', async () => {
    const { child, banner } = await startServe(['--port', '0']);
    for (const api of API_NAMES) expect(banner).toMatch(new RegExp(`${api}\\s+http://127\\.0\\.0\\.1:\\d+/${api}`));
    expect(banner).toMatch(/dev credential/);
    const url = /listening on (http:\/\/[^\s]+)/.exec(banner)![1];
    expect((await fetch(`${url}/__admin/health`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await waitExit(child)).toBe(0);
  });
  it('refuses a port already in use with one line and exit 2', async () => {
    const { child, banner } = await startServe(['--port', '0', '--api', 'iot']);
    const port = /:(\d+)/.exec(banner)![1]!;
    const { status, stderr } = runCli(['serve', '--port', port]);
    child.kill('SIGINT');
    await waitExit(child);
    expect(status).toBe(2);
    expect(stderr.trim()).toMatch(/^jobs-kit: JOBSKIT_PORT_IN_USE: port \d+ on 127\.0\.0\.1 is already in use/);
  });
});

describe('cli: fixtures', () => {
  it('writes the same bytes for the same seed and different ones for another seed', () => {
    const a = mkdtempSync(join(tmpdir(), 'fx-a-'));
    const b = mkdtempSync(join(tmpdir(), 'fx-b-'));
    const c = mkdtempSync(join(tmpdir(), 'fx-c-'));
    expect(runCli(['fixtures', '--seed', '7', '--out', a]).status).toBe(0);
    expect(runCli(['fixtures', '--seed', '7', '--out', b]).status).toBe(0);
    expect(runCli(['fixtures', '--seed', '8', '--out', c]).status).toBe(0);
    let differs = false;
    for (const api of API_NAMES) {
      const files = readdirSync(join(a, api)).sort();
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        expect(readFileSync(join(b, api, f), 'utf8')).toBe(readFileSync(join(a, api, f), 'utf8'));
        if (readFileSync(join(c, api, f), 'utf8') !== readFileSync(join(a, api, f), 'utf8')) differs = true;
      }
    }
    expect(differs).toBe(true);
  });
  it('matches the committed fixtures for seed 1', () => {
    const out = mkdtempSync(join(tmpdir(), 'fx-1-'));
    expect(runCli(['fixtures', '--out', out]).status).toBe(0);
    const root = new URL('../../fixtures/', import.meta.url).pathname;
    for (const api of API_NAMES) for (const f of readdirSync(join(root, api))) expect(readFileSync(join(out, api, f), 'utf8')).toBe(readFileSync(join(root, api, f), 'utf8'));
  });
});

describe('cli: serve latency flags', () => {
  it('refuses a malformed --latency-op with exit 2', () => {
    const { status, stderr } = runCli(['serve', '--latency-op', 'listJobs']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--latency-op takes OPERATION_ID=MS/);
  });
});

describe('cli: serve refuses what it cannot honour', () => {
  it('refuses --latency-op for an operation no served API has', () => {
    const { status, stderr } = runCli(['serve', '--api', 'iot', '--latency-op', 'noSuchOp=50']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/names no operation of iot: noSuchOp/);
  });
});
