import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, startServe, waitExit } from './run-cli.js';

beforeAll(() => ensureBuilt());

/** A fresh working directory holding `jobs-kit.config.json` with this content. */
function projectWith(config: unknown, name = 'jobs-kit.config.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'jk-config-'));
  writeFileSync(join(dir, name), typeof config === 'string' ? config : JSON.stringify(config));
  return dir;
}

describe('cli: jobs-kit.config.json gives defaults', () => {
  it("fills a command's options from the file in the working directory", () => {
    const dir = projectWith({ fixtures: { seed: 7, out: 'from-config', api: ['iot', 'exabyte'] } });
    const { status, stdout } = runCli(['fixtures'], {}, dir);
    expect(status).toBe(0);
    expect(stdout).toMatch(/wrote 7 files under from-config\/ \(seed 7\)/);
    expect(readdirSync(join(dir, 'from-config')).sort()).toEqual(['exabyte', 'iot']);
    // Same bytes as the flags would have produced.
    const byFlags = mkdtempSync(join(tmpdir(), 'jk-flags-'));
    expect(runCli(['fixtures', '--seed', '7', '--api', 'exabyte', '--out', byFlags]).status).toBe(0);
    expect(readFileSync(join(dir, 'from-config/exabyte/jobs.json'), 'utf8')).toBe(readFileSync(join(byFlags, 'exabyte/jobs.json'), 'utf8'));
  });

  it('lets flags override the file, key by key', () => {
    const dir = projectWith({ fixtures: { seed: 7, out: 'from-config', api: 'iot' } });
    const { status, stdout } = runCli(['fixtures', '--seed', '9', '--api', 'exabyte'], {}, dir);
    expect(status).toBe(0);
    expect(stdout).toBe('exabyte: jobs.json\nwrote 1 files under from-config/ (seed 9)\n');
  });

  it('reads another file with --config, before or after the command', () => {
    const dir = projectWith({ fixtures: { out: 'elsewhere', api: 'exabyte' } }, 'ci.json');
    expect(runCli(['--config', 'ci.json', 'fixtures'], {}, dir).stdout).toMatch(/under elsewhere\//);
    expect(runCli(['fixtures', '--config', 'ci.json', '--seed', '3'], {}, dir).stdout).toMatch(/under elsewhere\/ \(seed 3\)/);
    expect(existsSync(join(dir, 'elsewhere/exabyte/jobs.json'))).toBe(true);
  });

  it('configures serve: port, APIs, clock and booleans such as auth', async () => {
    const dir = projectWith({ serve: { port: 0, api: 'iot', clock: 'manual', auth: false, seed: 5 } });
    const { child, banner } = await startServe([], {}, dir);
    child.kill('SIGTERM');
    expect(await waitExit(child)).toBe(0);
    expect(banner).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(clock manual, seed 5, auth off\)/);
    expect(banner).not.toMatch(/exabyte/);
  });
});

describe('cli: a bad config file is one line naming the file and key, exit 2', () => {
  const cases: [string, unknown, string[], string][] = [
    ['an unknown command key', { serv: {} }, ['fixtures'], 'jobs-kit: JOBSKIT_CONFIG: jobs-kit.config.json: unknown key "serv" (top-level keys are command names: serve, contract, fixtures, prism)'],
    ['an unknown option key', { fixtures: { sed: 7 } }, ['fixtures'], 'jobs-kit: JOBSKIT_CONFIG: jobs-kit.config.json: unknown key "fixtures.sed" (fixtures takes seed, out, api)'],
    ['an unknown subcommand key', { prism: { mok: {} } }, ['prism', 'mock'], 'jobs-kit: JOBSKIT_CONFIG: jobs-kit.config.json: unknown key "prism.mok" ("prism" takes mock, proxy)'],
    ['a value of the wrong type', { fixtures: { seed: true } }, ['fixtures'], 'jobs-kit: JOBSKIT_CONFIG: jobs-kit.config.json: "fixtures.seed" must be a string or a number, got true'],
    ['a boolean flag given a string', { serve: { auth: 'no' } }, ['serve'], 'jobs-kit: JOBSKIT_CONFIG: jobs-kit.config.json: "serve.auth" must be true or false, got "no"'],
    ['a value out of range', { serve: { port: 70000 } }, ['serve'], 'jobs-kit: JOBSKIT_CONFIG: jobs-kit.config.json: "serve.port": --port must be a whole number from 0 to 65535, got "70000" (fix the value in the file, or override it with --port)'],
    ['an unknown API', { prism: { mock: { api: 'nope' } } }, ['prism', 'mock'], 'jobs-kit: JOBSKIT_CONFIG: jobs-kit.config.json: "prism.mock.api": unknown API "nope" (fix the value in the file, or override it with --api)'],
    ['a section that is not an object', { serve: 4010 }, ['serve'], 'jobs-kit: JOBSKIT_CONFIG: jobs-kit.config.json: "serve" must be an object of option values'],
    ['a file that is not an object', '[1]', ['serve'], 'jobs-kit: JOBSKIT_CONFIG: jobs-kit.config.json: must hold a JSON object keyed by command (e.g. { "serve": { "port": 4020 } })'],
  ];
  it.each(cases)('%s', (_label, config, args, line) => {
    const { status, stdout, stderr } = runCli(args, {}, projectWith(config));
    expect([status, stderr, stdout]).toEqual([2, `${line}\n`, '']);
  });

  it('malformed JSON', () => {
    const { status, stderr } = runCli(['serve'], {}, projectWith('{"serve": '));
    expect(status).toBe(2);
    expect(stderr).toMatch(/^jobs-kit: JOBSKIT_CONFIG: jobs-kit\.config\.json: not valid JSON: .+ \(fix the file, or point --config at another one\)\n$/);
  });

  it('a --config file that does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jk-config-'));
    const { status, stderr } = runCli(['serve', '--config', 'missing.json'], {}, dir);
    expect(status).toBe(2);
    expect(stderr).toBe(`jobs-kit: JOBSKIT_CONFIG: config file missing.json not found (looked for ${join(dir, 'missing.json')}; check the --config path)\n`);
  });

  it('a value overridden by a flag is not checked against the file', () => {
    const dir = projectWith({ fixtures: { seed: -1, api: 'iot' } });
    expect(runCli(['fixtures', '--seed', '2', '--out', 'o'], {}, dir).status).toBe(0);
  });
});
