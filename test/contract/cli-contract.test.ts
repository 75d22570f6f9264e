import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/doors/node-server.js';
import { createEngineFromModules } from '../../src/engine/engine.js';
import type { ApiModule } from '../../src/core/api-module.js';
import { ensureBuilt, ROOT } from '../cli/run-cli.js';
import { tinyContractApi } from './tiny-contract-api.js';
import { tinyContractSpec } from './tiny-contract-spec.js';
import { tinyVariants } from './variants/tiny.js';
import { closedPort } from './closed-port.js';

/** Runs the built CLI without blocking this process, which serves the mock the CLI checks. */
function runCli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${ROOT}bin/jobs-kit.js`, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

async function serve(module: ApiModule<any>): Promise<{ server: MockServer; url: string }> {
  const server = createMockServer({ engine: createEngineFromModules([module], { validateResponses: 'off', onError: () => {} }), mount: 'root' });
  const { url } = await server.listen(0, '127.0.0.1');
  return { server, url };
}

const dir = mkdtempSync(join(tmpdir(), 'jobs-kit-contract-'));
const spec = join(dir, 'tiny.json');
const auth = ['--header', 'Authorization: Bearer token-alice'];
let correct: { server: MockServer; url: string };
let broken: { server: MockServer; url: string };

beforeAll(async () => {
  ensureBuilt();
  writeFileSync(spec, JSON.stringify(tinyContractSpec));
  correct = await serve(tinyContractApi);
  broken = await serve(tinyVariants.find((v) => v.name === 'auth is not enforced')!.apply(tinyContractApi));
});
afterAll(async () => {
  await correct.server.close();
  await broken.server.close();
});

describe('cli: contract', () => {
  it('exits 0 against a conforming server, prints the coverage and writes every report', async () => {
    const out = (name: string) => join(dir, name);
    const { status, stdout, stderr } = await runCli(['contract', '--spec', spec, '--base-url', correct.url, ...auth, '-r', `junit=${out('c.xml')}`, '-r', `json=${out('c.json')}`, '-r', `markdown=${out('c.md')}`]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^PASS tiny-jobs: \d+ checks pass, 0 fail, 0 skipped/m);
    expect(stdout).toMatch(/cancelJob\s+POST\s+\/jobs\/\{jobId\}\/cancel\s+200\* 400\* 401\* 404\* 409\* 500/);
    expect(readFileSync(out('c.xml'), 'utf8')).toMatch(/<testsuite name="contract: tiny-jobs" tests="\d+" failures="0"/);
    expect(JSON.parse(readFileSync(out('c.json'), 'utf8'))).toMatchObject({ api: 'tiny-jobs', ok: true });
    expect(readFileSync(out('c.md'), 'utf8')).toContain('| tiny-jobs | ✅ pass |');
  });

  it('exits 1 against a server that breaks the contract, naming the failing checks', async () => {
    const { status, stdout } = await runCli(['contract', '--spec', spec, '--base-url', broken.url, ...auth, '--only', 'getJob,listJobs']);
    expect(status).toBe(1);
    expect(stdout).toMatch(/FAIL auth:getJob\n\s+GET \/v1\/jobs\/j0001 → 200, expected 401 or 403 without credentials/);
  });

  it('exits 2 with one line when the server cannot be reached', async () => {
    const port = await closedPort();
    const { status, stderr, stdout } = await runCli(['contract', '--spec', spec, '--base-url', `http://127.0.0.1:${port}`, ...auth]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^jobs-kit: JOBSKIT_CONNECTION: cannot reach http://127\\.0\\.0\\.1:${port}/v1/\\S+: ECONNREFUSED`));
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli(['contract', '--spec', spec])).stderr).toMatch(/--base-url is required/);
    expect((await runCli(['contract', '--api', 'iot,exabyte', '--base-url', 'http://127.0.0.1:4010'])).stderr).toMatch(/needs \{api\}/);
    const bad = await runCli(['contract', '--spec', spec, '--base-url', correct.url, '--header', 'no colon']);
    expect([bad.status, bad.stderr.trim()]).toEqual([2, `jobs-kit: JOBSKIT_USAGE: --header takes 'Name: value', got "no colon"`]);
  });

  it('documents itself with examples', async () => {
    const { status, stdout } = await runCli(['contract', '--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('npx jobs-kit contract --api iot --base-url http://127.0.0.1:4010/iot');
    expect(stdout).toMatch(/Exit codes:\n {2}0 {2}every check passed.*\n {2}1 {2}violations found.*\n {2}2 {2}usage, config file or connection error/);
  });
});
