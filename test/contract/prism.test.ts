import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveApiTarget } from '../../src/contract/api-target.js';
import { buildRequest, examplePairs } from '../../src/contract/build-request.js';
import { startPrism, type RunningPrism } from '../../src/contract/prism.js';
import { createMockServer } from '../../src/doors/node-server.js';
import { createEngineFromModules } from '../../src/engine/engine.js';
import { isApiName } from '../../src/apis/registry.js';
import { tinyContractApi } from './tiny-contract-api.js';
import { tinyContractSpec } from './tiny-contract-spec.js';
import { closedPort } from './closed-port.js';
import { ensureBuilt, ROOT } from '../cli/run-cli.js';

const SPECS = new URL('../../specs/', import.meta.url).pathname;
const running: RunningPrism[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
});

// Prism takes a second or two to start; each test starts one.
describe('prism on the same specs', { timeout: 60_000 }, () => {
  it('prism mock answers a named success example of the first spec in specs/', async () => {
    const file = readdirSync(SPECS).filter((f) => f.endsWith('.openapi.yaml')).sort()[0]!;
    const api = file.replace('.openapi.yaml', '');
    expect(isApiName(api)).toBe(true);
    const target = await resolveApiTarget(api as Parameters<typeof resolveApiTarget>[0]);
    // The first read with a success example; Prism serves the paths at the root, without the base path.
    const operation = target.index.operations.find((op) => op.method === 'GET' && examplePairs(op).some((p) => p.name === 'success' && p.status === 200))!;
    const built = buildRequest(target.index.document, operation, 'success', target.devHeaders);
    if (!built.ok) throw new Error(built.reason);
    const prism = await startPrism({ mode: 'mock', spec: join(SPECS, file), port: await closedPort() });
    running.push(prism);
    const search = new URLSearchParams(built.request.query).toString();
    const res = await fetch(`${prism.url}${built.request.path}${search ? `?${search}` : ''}`, { headers: built.request.headers });
    expect(res.status, `${operation.operationId}: ${await res.clone().text()}`).toBe(200);
    expect(await res.json()).toBeTypeOf('object');
  });

  it('prism proxy forwards to a jobs-kit mock, which keeps its state', async () => {
    const upstream = createMockServer({ engine: createEngineFromModules([tinyContractApi]), mount: 'root' });
    const { url } = await upstream.listen(0, '127.0.0.1');
    const spec = join(mkdtempSync(join(tmpdir(), 'jobs-kit-prism-')), 'tiny.json');
    writeFileSync(spec, JSON.stringify(tinyContractSpec));
    const prism = await startPrism({ mode: 'proxy', spec, port: await closedPort(), upstream: `${url}/v1` });
    running.push(prism);
    try {
      const headers = { authorization: 'Bearer token-alice', 'content-type': 'application/json' };
      const created = await fetch(`${prism.url}/jobs`, { method: 'POST', headers, body: JSON.stringify({ name: 'Through Prism' }) });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const read = await fetch(`${prism.url}/jobs/${id}`, { headers });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ id, name: 'Through Prism', owner: 'alice' });
      expect(upstream.engine.journal.list().map((j) => `${j.method} ${j.status}`)).toEqual(['POST 201', 'GET 200']);
    } finally {
      await upstream.close();
    }
  });

  it('jobs-kit prism mock runs Prism on the API spec, forwards its output and stops on SIGTERM', async () => {
    ensureBuilt();
    const port = await closedPort();
    const child = spawn(process.execPath, [`${ROOT}bin/jobs-kit.js`, 'prism', 'mock', '--api', 'iot', '--port', String(port)], { cwd: ROOT });
    let output = '';
    const listening = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        if (output.includes(`Prism is listening on http://127.0.0.1:${port}`)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    await listening;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
