import { beforeEach, describe, expect, it } from 'vitest';
import alteryx from '../../src/apis/alteryx/index.js';
import type { DevCredential } from '../../src/core/principal.js';
import fixtures from '../../src/generated/alteryx.fixtures.js';
import type { ApiSuite, DoorRequestInit, DoorResponse } from './door.js';

type Credential = DevCredential;
const [alice, bob, carol] = alteryx.auth.devCredentials() as [Credential, Credential, Credential];
/** A workflow of alice's that is not shared: others cannot see or run it. */
const ALICES_PRIVATE = (fixtures['workflows.json'] as { id: string; ownerId: string; isShared: boolean }[]).find((w) => w.ownerId === alice.principal.id && !w.isShared)!.id;
const BASE = '/webapi';
const SEED_JOB = '66ebd18d3d6200007e000d8c';
const SHARED_APP = '66e1a0c43d6200007e000a01';
const MISSING = '66ebd18d3d6200007e00ffff';
const HOUR = 3_600_000;
const JSON_TYPE = { 'content-type': 'application/json' };
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };

export const alteryxSuite: ApiSuite = (door) => {
  const call = (path: string, init: DoorRequestInit = {}): Promise<DoorResponse> => door().request('alteryx', `${BASE}${path}`, init);
  const as = (who: Credential, path: string, init: DoorRequestInit = {}) => call(path, { ...init, headers: { ...who.headers, ...init.headers } });
  const enqueue = (who: Credential, body: unknown = {}, workflowId = SHARED_APP) => as(who, `/v3/workflows/${workflowId}/jobs`, { method: 'POST', headers: JSON_TYPE, body });
  const login = (key: string, secret: string) => call('/oauth2/token', { method: 'POST', headers: FORM_TYPE, body: `grant_type=client_credentials&client_id=${key}&client_secret=${secret}` });
  /** Every page of a workflow's jobs, `limit` at a time. */
  const allPages = async (who: Credential, query: string, limit: number) => {
    const seen: string[] = [];
    for (let offset = 0; offset < 1000; offset += limit) {
      const page = await as(who, `/v3/workflows/${SHARED_APP}/jobs?${query}&offset=${offset}&limit=${limit}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.map((j: { id: string }) => j.id));
      if (page.body.length < limit) return seen;
    }
    throw new Error('paging never ended');
  };

  beforeEach(async () => {
    await door().admin.reset();
  });

  describe('alteryx: GET /v3/jobs/{jobId}', () => {
    it("returns the seed's job with its outputs and messages", async () => {
      const res = await as(alice, `/v3/jobs/${SEED_JOB}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body).toMatchObject({ id: SEED_JOB, appId: SHARED_APP, createDateTime: '2024-09-19T10:02:54.589Z', status: 'Completed', disposition: 'Success', priority: 'Default', runWithE2: false });
      expect(res.body.outputs).toHaveLength(1);
      expect(res.body.messages.map((m: { toolId: number }) => m.toolId)).toEqual([0, 1, 0]);
    });

    it('returns the reduced object, without messages, for includeMessages=false', async () => {
      const res = await as(alice, `/v3/jobs/${SEED_JOB}?includeMessages=false`);
      expect(res.status).toBe(200);
      expect(res.body).not.toHaveProperty('messages');
      expect(res.body).toMatchObject({ id: SEED_JOB, status: 'Completed' });
    });

    it("answers 404 for an unknown job, a malformed id, and another user's job", async () => {
      for (const [who, id] of [[alice, MISSING], [alice, 'not-an-object-id'], [bob, SEED_JOB]] as const) {
        const res = await as(who, `/v3/jobs/${id}`);
        expect(res.status, id).toBe(404);
        expect(res.body).toEqual({ message: expect.any(String) });
      }
    });

    it('answers 400 with the model state for an includeMessages that is not a boolean', async () => {
      const res = await as(alice, `/v3/jobs/${SEED_JOB}?includeMessages=maybe`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ message: 'The request is invalid.', modelState: { includeMessages: [expect.any(String)] } });
    });
  });

  describe('alteryx: GET /v3/jobs/{jobId}/messages', () => {
    it('lists every message of the job for a Curator', async () => {
      const res = await as(alice, `/v3/jobs/${SEED_JOB}/messages`);
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(3);
      expect(res.body[2]).toEqual({ status: 1, text: 'Finished running Regional Sales Forecast.yxwz in 41.2 seconds', toolId: 0 });
    });

    it('refuses a user who is not a Curator with 403, even for their own job', async () => {
      const own = await enqueue(bob);
      const res = await as(bob, `/v3/jobs/${own.body.id}/messages`);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ message: 'Only Curators can use this endpoint.' });
    });

    it('answers 404 for a job that does not exist', async () => {
      expect((await as(alice, `/v3/jobs/${MISSING}/messages`)).status).toBe(404);
    });
  });

  describe('alteryx: GET /v3/workflows/{workflowId}/jobs', () => {
    it('pages through every job with offset and limit, each exactly once, newest first', async () => {
      const all = await as(alice, `/v3/workflows/${SHARED_APP}/jobs`);
      expect(all.status).toBe(200);
      expect(all.body.length).toBeGreaterThan(10);
      const ids = all.body.map((j: { id: string }) => j.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(await allPages(alice, 'direction=desc', 4)).toEqual(ids);
      expect(await allPages(alice, 'direction=asc&sortField=createdate', 5)).toEqual([...ids].reverse());
      const dates = all.body.map((j: { createDate: string }) => j.createDate);
      expect(dates).toEqual([...dates].sort().reverse());
    });

    it('filters by status and by resultCode (the disposition)', async () => {
      const errors = await as(alice, `/v3/workflows/${SHARED_APP}/jobs?status=Completed&resultCode=Error`);
      expect(errors.status).toBe(200);
      expect(errors.body.length).toBeGreaterThan(0);
      for (const job of errors.body) {
        expect(job.status).toBe('Completed');
        expect((await as(alice, `/v3/jobs/${job.id}`)).body.disposition).toBe('Error');
      }
      const queued = await as(alice, `/v3/workflows/${SHARED_APP}/jobs?status=Queued`);
      expect(queued.body.every((j: { status: string }) => j.status === 'Queued')).toBe(true);
    });

    it('answers 404 for an unknown workflow and 400 for an unknown sort direction', async () => {
      expect((await as(alice, `/v3/workflows/${MISSING}/jobs`)).status).toBe(404);
      const bad = await as(alice, `/v3/workflows/${SHARED_APP}/jobs?direction=sideways`);
      expect(bad.status).toBe(400);
      expect(bad.body.modelState).toHaveProperty('direction');
    });
  });

  describe('alteryx: POST /v3/workflows/{workflowId}/jobs and the lifecycle', () => {
    it('queues a job that then runs and completes as the clock moves, filling messages and outputs', async () => {
      const created = await enqueue(alice, { priority: 'High', questions: [{ name: 'Region', value: 'EMEA' }] });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ appId: SHARED_APP, status: 'Queued', disposition: 'None', priority: 'High', messages: [], outputs: [], createDateTime: '2025-01-01T00:00:00.000Z' });
      expect(created.body.id).toMatch(/^[0-9a-f]{24}$/);
      const path = `/v3/jobs/${created.body.id}`;
      await door().admin.advance(10_000);
      const running = await as(alice, path);
      expect(running.body).toMatchObject({ status: 'Running', disposition: 'None' });
      expect(running.body.messages.length).toBeGreaterThan(0);
      await door().admin.advance(5 * 60_000);
      const done = await as(alice, path);
      expect(done.body.status).toBe('Completed');
      expect(['Success', 'Warning', 'Error']).toContain(done.body.disposition);
      expect(done.body.messages.length).toBeGreaterThan(running.body.messages.length);
      expect(done.body.outputs.length).toBe(done.body.disposition === 'Error' ? 0 : 1);
      const listed = await as(alice, `/v3/workflows/${SHARED_APP}/jobs?limit=1`);
      expect(listed.body[0]).toMatchObject({ id: created.body.id, status: 'Completed', priority: 'High' });
    });

    it('runs the fixture jobs that were queued or running to completion', async () => {
      const inFlight = await as(alice, `/v3/workflows/${SHARED_APP}/jobs?status=Running`);
      expect(inFlight.body.length).toBeGreaterThan(0);
      await door().admin.advance(10 * 60_000);
      for (const job of inFlight.body) expect((await as(alice, `/v3/jobs/${job.id}`)).body.status).toBe('Completed');
    });

    it('answers 400 with the model state for a priority Alteryx does not have', async () => {
      const res = await enqueue(alice, { priority: 'Urgent' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ message: 'The request is invalid.', modelState: { 'contract.priority': [expect.any(String)] } });
    });

    it('answers 400 for malformed JSON and 415 for a body that is not JSON', async () => {
      const malformed = await as(alice, `/v3/workflows/${SHARED_APP}/jobs`, { method: 'POST', headers: JSON_TYPE, body: '{"priority":' });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ message: 'The request is invalid.', modelState: { contract: [expect.any(String)] } });
      const text = await as(alice, `/v3/workflows/${SHARED_APP}/jobs`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'run it' });
      expect(text.status).toBe(415);
      expect(text.body).toEqual({ message: expect.any(String) });
    });

    it('answers 404 for a workflow that does not exist or that the caller may not use', async () => {
      expect((await enqueue(alice, {}, MISSING)).status).toBe(404);
      expect((await enqueue(alice, {}, ALICES_PRIVATE)).status).toBe(200);
      expect((await enqueue(bob, {}, ALICES_PRIVATE)).status).toBe(404);
      expect((await as(bob, `/v3/workflows/${ALICES_PRIVATE}/jobs`)).status).toBe(404);
    });
  });

  describe('alteryx: per-user isolation', () => {
    it("hides bob's job from carol through get, list, filters and paging, and shows it to the Curator", async () => {
      const job = (await enqueue(bob, { priority: 'Critical' })).body;
      expect((await as(carol, `/v3/jobs/${job.id}`)).status).toBe(404);
      expect((await as(bob, `/v3/jobs/${job.id}`)).status).toBe(200);
      expect((await as(alice, `/v3/jobs/${job.id}`)).status).toBe(200);
      const carolsPages = await allPages(carol, 'direction=desc', 1);
      expect(carolsPages).not.toContain(job.id);
      const carolsQueued = await as(carol, `/v3/workflows/${SHARED_APP}/jobs?status=Queued`);
      expect(carolsQueued.body.map((j: { id: string }) => j.id)).not.toContain(job.id);
      const bobsPages = await allPages(bob, 'direction=desc', 2);
      expect(bobsPages[0]).toBe(job.id);
      for (const id of bobsPages) expect((await as(carol, `/v3/jobs/${id}`)).status).toBe(404);
      expect(await allPages(alice, 'direction=desc', 50)).toEqual(expect.arrayContaining([...bobsPages, ...carolsPages]));
    });
  });

  describe('alteryx: OAuth2 token endpoint and expiry', () => {
    it('exchanges an API key and secret for a bearer token that works on every endpoint', async () => {
      const res = await login('bob-api-key', 'bob-api-secret');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 3600 });
      const own = await enqueue({ ...bob, headers: { authorization: `Bearer ${res.body.access_token}` } });
      expect(own.status).toBe(200);
      expect((await as(bob, `/v3/jobs/${own.body.id}`)).status).toBe(200);
    });

    it('refuses a token after 60 minutes of clock time with 401, and a new login works again', async () => {
      const token = (await login('carol-api-key', 'carol-api-secret')).body.access_token;
      const withToken = { ...carol, headers: { authorization: `Bearer ${token}` } };
      await door().admin.advance(HOUR - 1000);
      expect((await as(withToken, `/v3/workflows/${SHARED_APP}/jobs`)).status).toBe(200);
      await door().admin.advance(2000);
      const expired = await as(withToken, `/v3/workflows/${SHARED_APP}/jobs`);
      expect(expired.status).toBe(401);
      expect(expired.body).toEqual({ message: 'Authorization has been denied for this request.' });
      const again = (await login('carol-api-key', 'carol-api-secret')).body.access_token;
      expect((await as({ ...carol, headers: { authorization: `Bearer ${again}` } }, `/v3/workflows/${SHARED_APP}/jobs`)).status).toBe(200);
    });

    it('accepts the key and secret as HTTP Basic credentials too', async () => {
      const res = await call('/oauth2/token', { method: 'POST', headers: { ...FORM_TYPE, authorization: `Basic ${btoa('alice-api-key:alice-api-secret')}` }, body: 'grant_type=client_credentials' });
      expect(res.status).toBe(200);
    });

    it('answers RFC 6749 errors: invalid_client, unsupported_grant_type, and 415 for a JSON body', async () => {
      const wrong = await login('alice-api-key', 'not-the-secret');
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({ error: 'invalid_client' });
      const grant = await call('/oauth2/token', { method: 'POST', headers: FORM_TYPE, body: 'grant_type=password&client_id=alice-api-key&client_secret=alice-api-secret' });
      expect(grant.body).toMatchObject({ error: 'unsupported_grant_type' });
      const json = await call('/oauth2/token', { method: 'POST', headers: JSON_TYPE, body: { grant_type: 'client_credentials' } });
      expect(json.status).toBe(415);
      expect(json.body).toMatchObject({ error: 'invalid_request' });
    });

    it('reads the form as fields: escapes decoded, a charset allowed, unknown fields ignored', async () => {
      const res = await call('/oauth2/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: 'scope=jobs&grant_type=client_credentials&client_id=bob%2Dapi%2Dkey&client_secret=bob-api-secret',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ token_type: 'bearer' });
    });

    it('answers invalid_request for a form without grant_type, a field sent twice, or no body, and invalid_client without credentials', async () => {
      const post = (body: string) => call('/oauth2/token', { method: 'POST', headers: FORM_TYPE, body });
      for (const body of ['client_id=alice-api-key&client_secret=alice-api-secret', 'grant_type=client_credentials&client_id=alice-api-key&client_id=bob-api-key&client_secret=alice-api-secret', '']) {
        const res = await post(body);
        expect(res.status, body).toBe(400);
        expect(res.body, body).toMatchObject({ error: 'invalid_request' });
      }
      const anonymous = await post('grant_type=client_credentials');
      expect(anonymous.status).toBe(400);
      expect(anonymous.body).toMatchObject({ error: 'invalid_client' });
    });

    it('keeps the long-lived dev tokens working however far the clock moves', async () => {
      await door().admin.advance(3 * HOUR);
      expect((await as(alice, `/v3/jobs/${SEED_JOB}`)).status).toBe(200);
    });
  });

  describe('alteryx: auth refusal and auth off', () => {
    it('answers 401 with a Bearer challenge without a token or with an unknown one', async () => {
      for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic YTpi' }] as Record<string, string>[]) {
        const res = await call(`/v3/jobs/${SEED_JOB}`, { headers });
        expect(res.status).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(res.body).toEqual({ message: 'Authorization has been denied for this request.' });
      }
    });

    it('serves requests without credentials when auth is off, as the first dev user', async () => {
      await door().admin.setAuth(false);
      try {
        expect((await call(`/v3/jobs/${SEED_JOB}`)).status).toBe(200);
        expect((await call(`/v3/jobs/${SEED_JOB}/messages`)).status).toBe(200);
      } finally {
        await door().admin.setAuth(true);
      }
    });
  });

  describe('alteryx: routing errors in the ASP.NET envelope', () => {
    it('answers 404 for an unknown path and 405 with Allow for a wrong method', async () => {
      const unknown = await as(alice, '/v3/schedules');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ message: expect.stringContaining('No HTTP resource') });
      const wrong = await as(alice, `/v3/jobs/${SEED_JOB}`, { method: 'DELETE' });
      expect(wrong.status).toBe(405);
      expect(wrong.headers['allow']).toBe('GET');
      expect(wrong.body).toEqual({ message: expect.any(String) });
    });
  });
};
