import { beforeEach, describe, expect, it } from 'vitest';
import { createEngineFromModules } from '../../engine/engine.js';
import exabyte from './index.js';
import { defaultJobName } from './job-name.js';
import type { ExabyteStore } from './store.js';

const engine = createEngineFromModules([exabyte], { seed: 1, clock: 'manual', validateResponses: 'throw' });
const [alice, bob] = exabyte.auth.devCredentials();
const JSON_TYPE = { 'content-type': 'application/json' };

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = alice!.headers) {
  const [p, rawQuery = ''] = path.split('?');
  const bodyText = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const response = await engine.handle('exabyte', { method, path: `/api/v1${p}`, rawQuery, headers: { ...headers, ...(bodyText ? JSON_TYPE : {}) }, bodyText });
  return response as { status: number; body: any };
}
const store = () => engine.store('exabyte') as ExabyteStore;

describe('exabyte: handlers', () => {
  beforeEach(() => engine.reset());

  it('names a job without a name as the web app does', () => {
    expect(defaultJobName(Date.UTC(2017, 1, 15, 18, 32))).toBe('New Job Feb 15th 2017, 18:32 PM');
    expect(defaultJobName(Date.UTC(2025, 0, 1, 9, 5))).toBe('New Job Jan 1st 2025, 09:05 AM');
    expect(defaultJobName(Date.UTC(2025, 2, 22, 0, 0))).toBe('New Job Mar 22nd 2025, 00:00 AM');
    expect(defaultJobName(Date.UTC(2025, 3, 13, 12, 0))).toBe('New Job Apr 13th 2025, 12:00 PM');
  });

  it('fills what create leaves out: name, compute defaults, default project, owner and creator', async () => {
    const res = await call('POST', '/jobs', { workflow: { _id: '7GSofzPcxZryR8YiL' } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      name: 'New Job Jan 1st 2025, 00:00 AM',
      status: 'pre-submission',
      compute: { queue: 'D', nodes: 1, ppn: 1, timeLimit: '01:00:00', notify: 'n' },
      _project: { _id: 'aP4sXkR7nT2mQ9wZe', slug: 'alice-default' },
      owner: { _id: 'fbdpsNf4oHiX79vMJ', slug: 'alice' },
      creator: { _id: 'fbdpsNf4oHiX79vMJ' },
      createdAt: '2025-01-01T00:00:00.000Z',
    });
  });

  it('takes the seed’s title and model.method.workflow, and drops run-only compute fields', async () => {
    const res = await call('PUT', '/jobs/create', {
      title: 'Seed job',
      model: { method: { workflow: { _id: 'Wf2345678923456ab' } } },
      compute: { ppn: 4, cluster: { fqdn: 'c1', jid: '1.c1' }, errors: [{ reason: 'x' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.name).toBe('Seed job');
    expect(res.body.data.workflow).toEqual({ _id: 'Wf2345678923456ab' });
    expect(res.body.data.compute).toEqual({ queue: 'D', nodes: 1, ppn: 4, timeLimit: '01:00:00', notify: 'n', cluster: { fqdn: 'c1' } });
  });

  it('refuses a job without a workflow (400) or for another account (403)', async () => {
    expect((await call('POST', '/jobs', { name: 'x' })).status).toBe(400);
    const foreign = await call('POST', '/jobs', { workflow: { _id: 'w' }, owner: { _id: 'Qb7XkPz3nW9RtYm2c' } });
    expect(foreign).toMatchObject({ status: 403, body: { status: 'fail', data: { message: 'You are not a member of account Qb7XkPz3nW9RtYm2c' } } });
    const own = await call('POST', '/jobs', { workflow: { _id: 'w' }, owner: { _id: 'fbdpsNf4oHiX79vMJ' } });
    expect(own.status).toBe(200);
  });

  it('merges compute on PATCH before submission and refuses run inputs after it', async () => {
    const patched = await call('PATCH', '/jobs/RhCFP2WuehvG4hCLp', { compute: { ppn: 16 }, tags: ['t'] });
    expect(patched.body.data.compute).toMatchObject({ queue: 'D', ppn: 16, cluster: { fqdn: 'AWS-cluster-001' } });
    expect(patched.body.data.tags).toEqual(['t']);
    const finished = await call('PATCH', '/jobs/Kq3Xn8PbR2tWm5ZcA', { workflow: { _id: 'w' }, name: 'n' });
    expect(finished).toMatchObject({ status: 400, body: { data: { message: 'Job Kq3Xn8PbR2tWm5ZcA is finished: workflow can only change before the job is submitted' } } });
    expect((await call('PATCH', '/jobs/Kq3Xn8PbR2tWm5ZcA', { name: 'Renamed', runtimeContext: { a: 1 } })).body.data).toMatchObject({ name: 'Renamed', runtimeContext: { a: 1 } });
    expect((await call('PATCH', '/jobs/RhCFP2WuehvG4hCLp', { status: 'finished' })).status).toBe(400);
  });

  it('stops a deleted job in flight', async () => {
    await call('POST', '/jobs/RhCFP2WuehvG4hCLp/submit');
    expect(store().scheduler.pending().some((e) => e.event.jobId === 'RhCFP2WuehvG4hCLp')).toBe(true);
    expect((await call('DELETE', '/jobs/RhCFP2WuehvG4hCLp')).status).toBe(200);
    expect(store().scheduler.pending().some((e) => e.event.jobId === 'RhCFP2WuehvG4hCLp')).toBe(false);
    expect(exabyte.invariants!(store())).toEqual([]);
  });

  it('logs in with a form or JSON body, minting a token that works', async () => {
    const loggedIn = await engine.handle('exabyte', {
      method: 'POST', path: '/api/v1/login', rawQuery: '', headers: { 'content-type': 'application/x-www-form-urlencoded' }, bodyText: 'username=bob&password=bob-dev-password',
    });
    const data = (loggedIn.body as any).data;
    expect(data).toMatchObject({ 'X-Account-Id': 'Qb7XkPz3nW9RtYm2c', userId: 'Qb7XkPz3nW9RtYm2c' });
    expect(data.authToken).toBe(data['X-Auth-Token']);
    const mine = await call('GET', '/jobs?projection={"limit":500}', undefined, { 'x-auth-token': data.authToken, 'x-account-id': data.userId });
    expect(mine.body.data.every((j: any) => j.owner._id === bob!.principal.id)).toBe(true);
    const form = (bodyText: string) => engine.handle('exabyte', { method: 'POST', path: '/api/v1/login', rawQuery: '', headers: { 'content-type': 'application/x-www-form-urlencoded' }, bodyText });
    const missing = await form('username=bob');
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ status: 'fail', data: { message: expect.stringMatching(/password/) } });
    // A form is an object of string fields: a repeated field is an array, which the schema refuses.
    expect((await form('username=bob&username=alice&password=bob-dev-password')).status).toBe(400);
    expect((await form('username=bob&password=bob-dev-password&remember=1')).status).toBe(400);
    expect((await form('username=bob&password=wrong')).status).toBe(401);
    expect((await form('password=bob-dev-password&username=b%6Fb')).status).toBe(200);
    expect((await call('POST', '/login', { username: 'alice', password: 'alice-dev-password' }, {})).status).toBe(200);
    expect((await call('POST', '/login', { username: 'mallory', password: 'x' }, {})).status).toBe(401);
  });

  it('reads malformed list parameters as 400 failures', async () => {
    expect((await call('GET', '/jobs?query={status')).body).toEqual({ status: 'fail', data: { message: 'query is not valid JSON: {status' } });
    expect((await call('GET', `/jobs?projection=${encodeURIComponent('{"limit":1000}')}`)).status).toBe(400);
  });
});
