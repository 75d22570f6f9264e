import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, runCliInTty, startServe, waitExit } from './run-cli.js';

beforeAll(() => ensureBuilt());

const ESC = '\x1b[';
const out = () => mkdtempSync(join(tmpdir(), 'jk-tty-'));

describe('cli: colours only on a terminal, never with NO_COLOR or FORCE_COLOR=0', () => {
  it('colours help and error lines on a terminal', () => {
    expect(runCliInTty(['--help'], { NO_COLOR: undefined }).output).toContain(`${ESC}1mUsage:`);
    const error = runCliInTty(['fixtures', '--seed', 'x'], { NO_COLOR: undefined });
    expect(error.status).toBe(2);
    expect(error.output).toContain(`${ESC}31mjobs-kit:${ESC}39m JOBSKIT_USAGE: --seed must be a whole number`);
  });

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }],
    ['FORCE_COLOR=0', { NO_COLOR: undefined, FORCE_COLOR: '0' }],
  ])('writes no colour on a terminal with %s', (_label, env) => {
    expect(runCliInTty(['--help'], env).output).not.toContain(`${ESC}1m`);
    const error = runCliInTty(['fixtures', '--seed', 'x'], env);
    expect(error.status).toBe(2);
    expect(error.output).toMatch(/^jobs-kit: JOBSKIT_USAGE: --seed must be/m);
    expect(error.output).not.toContain(`${ESC}31m`);
  });

  it('writes no escape sequence at all when piped, NO_COLOR unset', () => {
    const env = { NO_COLOR: undefined, FORCE_COLOR: undefined };
    const runs = [runCli(['--help'], env), runCli(['serve', '--help'], env), runCli(['fixtures', '--seed', 'x'], env), runCli(['fixtures', '--api', 'iot', '--out', out()], env)];
    for (const { stdout, stderr } of runs) expect(stdout + stderr).not.toContain('\x1b');
    expect(runs[3]!.status).toBe(0);
  });

  it('serve prints a plain banner when piped', async () => {
    const { child, banner } = await startServe(['--port', '0', '--api', 'iot'], { NO_COLOR: undefined, FORCE_COLOR: undefined });
    child.kill('SIGTERM');
    await waitExit(child);
    expect(banner).toMatch(/listening on http/);
    expect(banner).not.toContain('\x1b');
  });
});

describe('cli: progress on long runs goes to a terminal only', () => {
  it('fixtures shows per-API progress on a terminal', () => {
    const { status, output } = runCliInTty(['fixtures', '--api', 'iot,exabyte', '--out', out()]);
    expect(status).toBe(0);
    expect(output).toContain('[fixtures 1/2] iot: building');
    expect(output).toContain('[fixtures 2/2] exabyte: building');
    // The line is cleared before results are printed, so a finished run shows only the results.
    expect(output).toMatch(/\r\x1b\[Kiot: jobDocuments\.json/);
  });
  it('fixtures writes nothing to stderr when stderr is not a terminal', () => {
    const { status, stdout, stderr } = runCli(['fixtures', '--api', 'iot,exabyte', '--out', out()]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^iot: .*\nexabyte: jobs\.json\nwrote 7 files/);
  });

  it('contract shows per-API progress on a terminal and none when piped', async () => {
    const { child, banner } = await startServe(['--port', '0', '--api', 'iot', '--clock', 'manual']);
    const url = /listening on (http:\/\/\S+)/.exec(banner)![1]!;
    try {
      const args = ['contract', '--api', 'iot', '--base-url', url, '--base-path', '', '--only', 'listJobs,describeJob'];
      const tty = runCliInTty(args);
      expect(tty.status).toBe(0);
      expect(tty.output).toMatch(/\[contract 1\/1\] iot: .+, \d+ requests, \d+ checks, 0 failed/);
      const piped = runCli(args);
      expect(piped.status).toBe(0);
      expect(piped.stderr).toBe('');
      expect(piped.stdout).toMatch(/^PASS iot: /m);
    } finally {
      child.kill('SIGTERM');
      await waitExit(child);
    }
  });
});
