import { beforeEach, describe, expect, it } from 'vitest';
import exabyte from '../../src/apis/exabyte/index.js';
import type { DevCredential } from '../../src/core/principal.js';
import fixtures from '../../src/generated/exabyte.fixtures.js';
import type { ApiSuite, DoorRequestInit, DoorResponse } from './door.js';

const [alice, bob] = exabyte.auth.devCredentials() as [DevCredential, DevCredential];
type FixtureJob = { _id: string; status: string; owner: { _id: string }; createdAt: string };
const FIXTURE_JOBS = fixtures['jobs.json'] as FixtureJob[];
const ownedBy = (who: DevCredential) => FIXTURE_JOBS.filter((j) => j.owner._id === who.principal.id);
const BASE = '/api/v1';
const PRE_SUBMISSION = 'RhCFP2WuehvG4hCLp';
const FINISHED = 'Kq3Xn8PbR2tWm5ZcA';
const SEED_DELETE = 'HmeWjp69jHYkZYMkh';
const MISSING = 'NoSuchJobXYZ23456';
const BOBS_JOB = ownedBy(bob)[0]!._id;
const START = Date.UTC(2025, 0, 1);
const HOUR = 3_600_000;
const JSON_TYPE = { 'content-type': 'application/json' };
const SEED_BODY = {
  _material: { _id: 'gyfPHZk56QAxRpAqv' },
  compute: { cluster: { fqdn: 'AWS-cluster-001' }, nodes: 1, notify: 'n', ppn: 1, queue: 'D', timeLimit: '01:00:00' },
  model: {
    method: {
      data: { pseudo: [{ _id: '58947f5efe450067c9c92e24' }] },
      precision: { kpoints: { shift: { x: 0, y: 0, z: 0 }, value: { x: 2, y: 2, z: 2 } } },
      workflow: { _id: '7GSofzPcxZryR8YiL' },
    },
  },
  title: 'New Job Feb 15th 2017, 18:32 PM',
};
const TERMINAL = ['finished', 'error', 'timeout', 'terminated'];
const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));

export const exabyteSuite: ApiSuite = (door) => {
  const call = (path: string, init: DoorRequestInit = {}): Promise<DoorResponse> => door().request('exabyte', `${BASE}${path}`, init);
  const as = (who: DevCredential, path: string, init: DoorRequestInit = {}) => call(path, { ...init, headers: { ...who.headers, ...init.headers } });
  const send = (who: DevCredential, method: string, path: string, body?: unknown) =>
    as(who, path, { method, ...(body === undefined ? {} : { body, headers: JSON_TYPE }) });
  const list = (who: DevCredential, query?: unknown, projection?: unknown) => {
    const params = [query === undefined ? '' : `query=${enc(query)}`, projection === undefined ? '' : `projection=${enc(projection)}`].filter(Boolean).join('&');
    return as(who, `/jobs${params ? `?${params}` : ''}`);
  };
  const ids = (res: DoorResponse): string[] => res.body.data.map((j: { _id: string }) => j._id);
  const expectFail = (res: DoorResponse, status: number, message?: string | RegExp) => {
    expect(res.status, res.text).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.status).toBe(status >= 500 ? 'error' : 'fail');
    expect(typeof res.body.data.message).toBe('string');
    if (message !== undefined) expect(res.body.data.message).toMatch(message);
  };

  beforeEach(async () => {
    await door().admin.reset();
  });

  describe('exabyte: GET /jobs (list with query and projection)', () => {
    it('lists the caller’s jobs, the first 20 by default, in natural order, in a JSend envelope', async () => {
      const res = await as(alice, '/jobs');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('success');
      expect(ids(res)).toEqual(ownedBy(alice).slice(0, 20).map((j) => j._id));
    });

    it("filters with the seed's fully encoded example, query%3D{...}", async () => {
      const res = await as(alice, '/jobs?query%3D%7B%22status%22%3A+%22finished%22%7D&projection=' + enc({ limit: 500 }));
      expect(res.status).toBe(200);
      const finished = ownedBy(alice).filter((j) => j.status === 'finished').map((j) => j._id);
      expect(finished.length).toBeGreaterThan(5);
      expect(ids(res)).toEqual(finished);
    });

    it('filters with the documented form, operators and dotted paths', async () => {
      const res = await list(alice, { status: { $in: ['error', 'timeout'] }, 'owner._id': alice.principal.id }, { limit: 500 });
      expect(ids(res)).toEqual(ownedBy(alice).filter((j) => ['error', 'timeout'].includes(j.status)).map((j) => j._id));
      const dotted = await list(alice, { 'statusTrack.status': 'active', status: { $ne: 'finished' } }, { limit: 500 });
      expect(dotted.body.data.every((j: { status: string }) => ['active', 'error', 'timeout', 'terminate-queued', 'terminated'].includes(j.status))).toBe(true);
      expect(dotted.body.data.length).toBeGreaterThan(0);
    });

    it('pages through every job exactly once with skip and limit', async () => {
      const seen: string[] = [];
      for (let skip = 0; ; skip += 7) {
        const page = await list(alice, undefined, { skip, limit: 7 });
        expect(page.status).toBe(200);
        seen.push(...ids(page));
        if (page.body.data.length < 7) break;
      }
      expect(seen).toEqual(ownedBy(alice).map((j) => j._id));
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('pages through a sorted, filtered list exactly once', async () => {
      const all = await list(alice, { status: 'finished' }, { sort: { createdAt: -1 }, limit: 500 });
      const createdAt = all.body.data.map((j: { createdAt: string }) => j.createdAt);
      expect(createdAt).toEqual([...createdAt].sort().reverse());
      const seen: string[] = [];
      for (let skip = 0; skip < 500; skip += 4) {
        const page = await list(alice, { status: 'finished' }, { sort: { createdAt: -1 }, skip, limit: 4 });
        seen.push(...ids(page));
        if (page.body.data.length < 4) break;
      }
      expect(seen).toEqual(ids(all));
    });

    it('returns only the asked fields (and _id), or all but the excluded ones', async () => {
      const res = await list(alice, { _id: FINISHED }, { fields: { name: 1, status: 1 } });
      expect(res.body.data).toEqual([{ _id: FINISHED, name: 'GaAs band structure', status: 'finished' }]);
      const without = await list(alice, { _id: FINISHED }, { fields: { statusTrack: 0, compute: 0 } });
      expect(Object.keys(without.body.data[0])).not.toContain('statusTrack');
      expect(without.body.data[0]).toMatchObject({ _id: FINISHED, status: 'finished' });
    });

    it('fails with 400 for malformed JSON, unsupported operators and limits over 500', async () => {
      expectFail(await as(alice, '/jobs?query=%7Bstatus'), 400, /query is not valid JSON/);
      expectFail(await list(alice, { name: { $regex: '^Si' } }), 400, 'query: unsupported operator $regex');
      expectFail(await list(alice, {}, { limit: 501 }), 400, /limit must be an integer from 1 to 500/);
      expectFail(await list(alice, {}, { fields: { name: 1, status: 0 } }), 400, /cannot mix/);
    });

    it("never reaches another account's jobs, whatever the query or page", async () => {
      expect(ids(await list(alice, { 'owner._id': bob.principal.id }))).toEqual([]);
      expect(ids(await list(alice, { _id: BOBS_JOB }))).toEqual([]);
      expect(ids(await list(alice, { $or: [{ _id: BOBS_JOB }, { _id: FINISHED }] }))).toEqual([FINISHED]);
      const bobs = await list(bob, undefined, { limit: 500 });
      expect(ids(bobs)).toEqual(ownedBy(bob).map((j) => j._id));
      expect(ids(bobs)).not.toContain(FINISHED);
      const bobPage = await list(bob, undefined, { skip: 5, limit: 5 });
      expect(ids(bobPage)).toEqual(ownedBy(bob).slice(5, 10).map((j) => j._id));
    });
  });

  describe('exabyte: GET /jobs/{id}', () => {
    it('returns the job', async () => {
      const res = await as(alice, `/jobs/${PRE_SUBMISSION}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'success', data: { _id: PRE_SUBMISSION, status: 'pre-submission', owner: { _id: alice.principal.id } } });
      expect(res.body.data.statusTrack).toEqual([{ trackedAt: 1735560000000, status: 'pre-submission' }]);
    });

    it("answers 404 for a missing job, a malformed id, and another account's job", async () => {
      expectFail(await as(alice, `/jobs/${MISSING}`), 404, `Job ${MISSING} not found`);
      expectFail(await as(alice, '/jobs/not-a-meteor-id'), 404);
      expectFail(await as(alice, `/jobs/${BOBS_JOB}`), 404);
      expect((await as(bob, `/jobs/${BOBS_JOB}`)).status).toBe(200);
      expectFail(await as(bob, `/jobs/${PRE_SUBMISSION}`), 404);
    });
  });

  describe('exabyte: POST /jobs and PUT /jobs/create', () => {
    it("creates the seed's job pre-submission, with the seed's title as its name", async () => {
      const res = await send(alice, 'POST', '/jobs', SEED_BODY);
      expect(res.status).toBe(200);
      const job = res.body.data;
      expect(job._id).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{17}$/);
      expect(job).toMatchObject({
        name: SEED_BODY.title,
        status: 'pre-submission',
        statusTrack: [{ trackedAt: START, status: 'pre-submission' }],
        createdAt: '2025-01-01T00:00:00.000Z',
        workflow: { _id: '7GSofzPcxZryR8YiL' },
        _material: { _id: 'gyfPHZk56QAxRpAqv' },
        compute: { queue: 'D', nodes: 1, ppn: 1, timeLimit: '01:00:00', cluster: { fqdn: 'AWS-cluster-001' } },
        owner: { _id: alice.principal.id },
      });
      expect((await as(alice, `/jobs/${job._id}`)).body.data).toEqual(job);
      expectFail(await as(bob, `/jobs/${job._id}`), 404);
      const newest = await list(alice, { status: 'pre-submission' }, { sort: { createdAt: -1 }, limit: 1 });
      expect(ids(newest)).toEqual([job._id]);
    });

    it("creates with the client's PUT /jobs/create form", async () => {
      const res = await send(bob, 'PUT', '/jobs/create', { name: 'MoS2 band gap', workflow: { _id: '7GSofzPcxZryR8YiL' }, _project: { _id: 'bP8yHq3NcW5rK2tJf' }, owner: { _id: bob.principal.id } });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ name: 'MoS2 band gap', owner: { _id: bob.principal.id }, _project: { _id: 'bP8yHq3NcW5rK2tJf' } });
    });

    it('fails without a workflow (400), for a schema violation (400) and for another account (403)', async () => {
      expectFail(await send(alice, 'POST', '/jobs', { name: 'x' }), 400, /workflow is required/);
      expectFail(await send(alice, 'POST', '/jobs', { workflow: { _id: 'w' }, compute: { queue: 'XL' } }), 400, /compute\/queue/);
      expectFail(await send(alice, 'PUT', '/jobs/create', { workflow: { _id: 'w' }, owner: { _id: bob.principal.id } }), 403, /not a member/);
    });

    it('answers malformed JSON with 400 and a non-JSON body with 415, in JSend', async () => {
      expectFail(await as(alice, '/jobs', { method: 'POST', headers: JSON_TYPE, body: '{"name": ' }), 400, /not valid JSON/);
      expectFail(await as(alice, '/jobs', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'name=x' }), 415);
    });
  });

  describe('exabyte: PATCH /jobs/{id}', () => {
    it("sets fields, reading the seed's title as the name", async () => {
      const res = await send(alice, 'PATCH', `/jobs/${PRE_SUBMISSION}`, { title: 'Si total energy, 3x3x3' });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ _id: PRE_SUBMISSION, name: 'Si total energy, 3x3x3', status: 'pre-submission' });
      expect((await as(alice, `/jobs/${PRE_SUBMISSION}`)).body.data.name).toBe('Si total energy, 3x3x3');
    });

    it('never changes the status, nor run inputs once submitted', async () => {
      expectFail(await send(alice, 'PATCH', `/jobs/${PRE_SUBMISSION}`, { status: 'finished' }), 400, /status/);
      expectFail(await send(alice, 'PATCH', `/jobs/${FINISHED}`, { compute: { ppn: 4 } }), 400, /can only change before the job is submitted/);
      expect((await as(alice, `/jobs/${FINISHED}`)).body.data.compute.ppn).toBe(8);
    });

    it("answers 404 for a missing or another account's job", async () => {
      expectFail(await send(alice, 'PATCH', `/jobs/${MISSING}`, { name: 'x' }), 404);
      expectFail(await send(alice, 'PATCH', `/jobs/${BOBS_JOB}`, { name: 'x' }), 404);
    });
  });

  describe('exabyte: DELETE /jobs/{id}', () => {
    it("deletes with the seed's message, after which the job is gone", async () => {
      const res = await as(alice, `/jobs/${SEED_DELETE}`, { method: 'DELETE' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'success', data: { message: `Job ${SEED_DELETE} successfully deleted` } });
      expectFail(await as(alice, `/jobs/${SEED_DELETE}`), 404);
      expectFail(await as(alice, `/jobs/${SEED_DELETE}`, { method: 'DELETE' }), 404);
    });

    it("cannot delete another account's job", async () => {
      expectFail(await as(alice, `/jobs/${BOBS_JOB}`, { method: 'DELETE' }), 404);
      expect((await as(bob, `/jobs/${BOBS_JOB}`)).status).toBe(200);
    });
  });

  describe('exabyte: submitting and the job lifecycle on the clock', () => {
    it('submits with ?submit=true and moves submitted → queued → active → an end status, tracked in epoch ms', async () => {
      const res = await as(alice, `/jobs/${PRE_SUBMISSION}?submit=true`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect(res.body.data.status).toBe('submitted');
      expect(res.body.data.statusTrack.at(-1)).toEqual({ trackedAt: START, status: 'submitted' });
      await door().admin.advance(10_000);
      const queued = (await as(alice, `/jobs/${PRE_SUBMISSION}`)).body.data;
      expect(queued.status).toBe('queued');
      expect(queued.compute.cluster.jid).toMatch(/^\d+\.AWS-cluster-001$/);
      await door().admin.advance(120_000);
      const active = (await as(alice, `/jobs/${PRE_SUBMISSION}`)).body.data;
      expect(active.status).toBe('active');
      expect(Date.parse(active.startTime)).toBe(active.statusTrack.at(-1).trackedAt);
      await door().admin.advance(2 * HOUR);
      const ended = (await as(alice, `/jobs/${PRE_SUBMISSION}`)).body.data;
      expect(['finished', 'error', 'timeout']).toContain(ended.status);
      expect(ended.statusTrack.map((t: { status: string }) => t.status)).toEqual(['pre-submission', 'submitted', 'queued', 'active', ended.status]);
      const times = ended.statusTrack.map((t: { trackedAt: number }) => t.trackedAt);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.every((t: number) => Number.isInteger(t) && t <= START + 130_000 + 2 * HOUR)).toBe(true);
      expect(ids(await list(alice, { status: ended.status, _id: PRE_SUBMISSION }))).toEqual([PRE_SUBMISSION]);
    });

    it('submits with the client’s /submit form, and a job over its time limit ends in timeout at the limit', async () => {
      const created = (await send(alice, 'POST', '/jobs', { name: 'short limit', workflow: { _id: 'w' }, compute: { timeLimit: '00:00:01' } })).body.data;
      expect((await as(alice, `/jobs/${created._id}/submit`, { method: 'POST' })).body.data.status).toBe('submitted');
      await door().admin.advance(3 * HOUR);
      const job = (await as(alice, `/jobs/${created._id}`)).body.data;
      expect(job.status).toBe('timeout');
      const [active, timeout] = job.statusTrack.slice(-2);
      expect(active.status).toBe('active');
      expect(timeout.trackedAt - active.trackedAt).toBe(1000);
    });

    it('refuses to submit twice, to submit an ended job, or without submit=true', async () => {
      expect((await as(alice, `/jobs/${PRE_SUBMISSION}/submit`, { method: 'POST' })).status).toBe(200);
      expectFail(await as(alice, `/jobs/${PRE_SUBMISSION}?submit=true`, { method: 'POST' }), 400, 'Job RhCFP2WuehvG4hCLp cannot be submitted: its status is submitted');
      expectFail(await as(alice, `/jobs/${FINISHED}/submit`, { method: 'POST' }), 400, /its status is finished/);
      expectFail(await as(alice, `/jobs/${FINISHED}`, { method: 'POST' }), 400, /submit/);
      expectFail(await as(alice, `/jobs/${BOBS_JOB}/submit`, { method: 'POST' }), 404);
    });

    it('keeps fixture jobs that were in flight moving until they end', async () => {
      const inFlight = ownedBy(alice).filter((j) => ['submitted', 'queued', 'active', 'terminate-queued'].includes(j.status));
      expect(inFlight.length).toBeGreaterThan(0);
      await door().admin.advance(24 * HOUR);
      for (const job of inFlight) expect(TERMINAL).toContain((await as(alice, `/jobs/${job._id}`)).body.data.status);
    });

    it('stops a deleted job: it never reappears as time passes', async () => {
      await as(alice, `/jobs/${PRE_SUBMISSION}/submit`, { method: 'POST' });
      await as(alice, `/jobs/${PRE_SUBMISSION}`, { method: 'DELETE' });
      await door().admin.advance(3 * HOUR);
      expectFail(await as(alice, `/jobs/${PRE_SUBMISSION}`), 404);
    });
  });

  describe('exabyte: authentication', () => {
    it("refuses missing or wrong credentials with Restivus's 401, in JSend", async () => {
      expectFail(await call('/jobs'), 401, 'You must be logged in to do this.');
      expectFail(await call('/jobs', { headers: { 'x-auth-token': 'wrong', 'x-account-id': alice.principal.id } }), 401);
      expectFail(await call(`/jobs/${PRE_SUBMISSION}`, { headers: { 'x-auth-token': alice.headers['x-auth-token']!, 'x-account-id': bob.principal.id } }), 401);
      expectFail(await call(`/jobs/${SEED_DELETE}`, { method: 'DELETE' }), 401);
    });

    it("accepts the seed's X-User-Id in place of X-Account-Id", async () => {
      const res = await call(`/jobs/${PRE_SUBMISSION}`, { headers: { 'X-Auth-Token': 'f2KpRW7KeN9aPmjSZ', 'X-User-Id': 'fbdpsNf4oHiX79vMJ' } });
      expect(res.status).toBe(200);
    });

    it('logs in with username and password (form or JSON) and the token works; a wrong password is 401', async () => {
      const form = await call('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=bob&password=bob-dev-password' });
      expect(form.status).toBe(200);
      const { 'X-Auth-Token': token, 'X-Account-Id': account, userId, authToken } = form.body.data;
      expect(userId).toBe(bob.principal.id);
      expect(account).toBe(bob.principal.id);
      expect(authToken).toBe(token);
      const mine = await call('/jobs?projection=' + enc({ limit: 500 }), { headers: { 'x-auth-token': token, 'x-account-id': account } });
      expect(ids(mine)).toEqual(ownedBy(bob).map((j) => j._id));
      expect((await call('/login', { method: 'POST', headers: JSON_TYPE, body: { username: 'alice', password: 'alice-dev-password' } })).status).toBe(200);
      expectFail(await call('/login', { method: 'POST', headers: JSON_TYPE, body: { username: 'alice', password: 'nope' } }), 401, 'Unauthorized');
      expectFail(await call('/login', { method: 'POST', headers: JSON_TYPE, body: { username: 'alice' } }), 400);
    });

    it('reads a login form as an object of string fields: a missing, repeated or unknown field is a 400', async () => {
      const form = (body: string) => call('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      expect((await form('password=alice-dev-password&username=%61lice')).status).toBe(200);
      expectFail(await form('username=alice'), 400);
      expectFail(await form('username=alice&username=bob&password=alice-dev-password'), 400);
      expectFail(await form('username=alice&password=alice-dev-password&remember=on'), 400);
      expectFail(await form('username=alice&password=bob-dev-password'), 401, 'Unauthorized');
    });

    it('serves the first development user without credentials when auth is off', async () => {
      await door().admin.setAuth(false);
      try {
        const res = await call(`/jobs/${PRE_SUBMISSION}`);
        expect(res.status).toBe(200);
        expectFail(await call(`/jobs/${BOBS_JOB}`), 404);
      } finally {
        await door().admin.setAuth(true);
      }
    });
  });

  describe('exabyte: unknown paths and methods', () => {
    it('answers an unknown path 404 and a wrong method 405 with Allow, in JSend', async () => {
      expectFail(await as(alice, '/materials'), 404);
      const res = await as(alice, `/jobs/${PRE_SUBMISSION}`, { method: 'PUT', headers: JSON_TYPE, body: {} });
      expectFail(res, 405);
      expect(res.headers['allow']).toMatch(/PATCH/);
    });
  });
};
