import { afterEach, describe, expect, it } from 'vitest';
import { JobsKitError } from '../../src/core/kit-error.js';
import { createMockServer, type MockServer } from '../../src/doors/node-server.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { tinyApi } from '../support/tiny-api.js';

const open: MockServer[] = [];
const start = async (options = {}, host = '127.0.0.1') => {
  const mock = createMockServer({ modules: [tinyApi], onError: () => {}, ...options });
  open.push(mock);
  return { mock, ...(await mock.listen(0, host)) };
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((m) => m.close()));
});
const alice = { authorization: 'Bearer token-alice' };

describe('HTTP server door', () => {
  it('serves an API under /<api> plus its base path', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/tiny/v1/things/t1`, { headers: alice });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 't1' });
  });
  it('serves a single API at the root in root mount mode', async () => {
    const { url } = await start({ mount: 'root' });
    expect((await fetch(`${url}/v1/things/t1`, { headers: alice })).status).toBe(200);
  });
  it('answers 413 in the API envelope for a body over the limit, without buffering it', async () => {
    const { url } = await start({ maxBodyBytes: 1024 });
    const res = await fetch(`${url}/tiny/v1/things`, { method: 'POST', headers: { ...alice, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x'.repeat(5000) }) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ message: 'request body is larger than the 1024-byte limit' });
  });
  it('answers 500 and logs it when answering a request with a body fails inside the door', async () => {
    const engine = createEngine({ modules: [tinyApi] });
    const errors: string[] = [];
    const handleNow: typeof engine.handleNow = (api, request) => {
      if (request.method === 'POST') throw new Error('boom');
      return engine.handleNow(api, request);
    };
    const { url } = await start({ engine: { ...engine, handleNow }, onError: (message: string) => errors.push(message) });
    const res = await fetch(`${url}/tiny/v1/things`, { method: 'POST', headers: { ...alice, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x' }) });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { status: 500, message: 'jobs-kit server error (logged)' } });
    expect(errors).toEqual(['http door failed']);
    // The server lives on: its next request is answered normally.
    expect((await fetch(`${url}/tiny/v1/things/t1`, { headers: alice })).status).toBe(200);
  });
  it('answers a path outside every API with a 404 that says where the APIs are', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/elsewhere`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('/tiny');
  });
  it('keeps admin paths at the top only: /<api>/__admin is an API path', async () => {
    const { url } = await start();
    expect((await fetch(`${url}/__admin/health`)).status).toBe(200);
    expect((await fetch(`${url}/tiny/__admin/health`, { headers: alice })).status).toBe(404);
  });
  it('requires the admin token when one is set', async () => {
    const { url } = await start({ adminToken: 's3cret' });
    expect((await fetch(`${url}/__admin/health`)).status).toBe(401);
    expect((await fetch(`${url}/__admin/health`, { headers: { 'x-jobs-kit-admin-token': 's3cret' } })).status).toBe(200);
    // The static page opens without it (a browser cannot send the header); everything it calls needs it.
    const page = await fetch(`${url}/__admin/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${url}/__admin/state`)).status).toBe(401);
    expect((await fetch(`${url}/__admin/`, { method: 'POST' })).status).toBe(401);
  });
  it('turns the admin API off when bound beyond localhost without a token', async () => {
    const { port } = await start({}, '0.0.0.0');
    expect((await fetch(`http://127.0.0.1:${port}/__admin/health`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/tiny/v1/things/t1`, { headers: alice })).status).toBe(200);
  });
  it('refuses a port already in use with a one-line kit error', async () => {
    const { port } = await start();
    const second = createMockServer({ modules: [tinyApi] });
    const error = await second.listen(port, '127.0.0.1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobsKitError);
    expect((error as JobsKitError).code).toBe('JOBSKIT_PORT_IN_USE');
  });
  it('answers HEAD without a body', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/__admin/health`, { method: 'HEAD' });
    expect(await res.text()).toBe('');
  });
});
