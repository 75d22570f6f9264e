import { describe, expect, it } from 'vitest';
import { isApiError, type ApiError } from '../../core/api-error.js';
import type { HandlerContext, Reply } from '../../core/api-module.js';
import type { Principal } from '../../core/principal.js';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { DEV_USERS } from './auth.js';
import { ANCHOR_JOB_ID, ANCHOR_WORKFLOW_ID } from './fixtures.js';
import { handlers } from './handlers.js';
import { createStore, type AlteryxStore } from './store.js';

const [alice, bob, carol] = DEV_USERS.map((u) => u.principal) as [Principal, Principal, Principal];

function setup() {
  const clock = createClock({ mode: 'manual' });
  const store = createStore({ random: createRandom(1), clock, fixtures: true });
  const call = (operationId: string, principal: Principal, parts: Partial<Pick<HandlerContext<AlteryxStore>, 'params' | 'query' | 'body' | 'headers'>> = {}): Reply | ApiError =>
    handlers[operationId]!({ operationId, params: {}, query: {}, headers: {}, body: undefined, ...parts, principal, store, clock, random: createRandom(1), request: {} as never, operation: {} as never });
  return { store, clock, call };
}

const ok = (r: Reply | ApiError): Reply => {
  if (isApiError(r)) throw new Error(`expected a reply, got ${r.status} ${r.message}`);
  return r;
};
const ids = (r: Reply | ApiError) => (ok(r).body as { id: string }[]).map((j) => j.id);

describe('alteryx: handlers', () => {
  it('pages a workflow list with offset/limit so every job comes exactly once, in both directions', () => {
    const { call } = setup();
    const all = ids(call('workflowsGetJobsForWorkflow', alice, { params: { workflowId: ANCHOR_WORKFLOW_ID } }));
    for (const direction of ['asc', 'desc']) {
      const seen: string[] = [];
      for (let offset = 0; ; offset += 4) {
        const page = ids(call('workflowsGetJobsForWorkflow', alice, { params: { workflowId: ANCHOR_WORKFLOW_ID }, query: { direction, offset, limit: 4 } }));
        seen.push(...page);
        if (page.length < 4) break;
      }
      expect(seen).toEqual(direction === 'desc' ? all : [...all].reverse());
    }
  });

  it('lists newest first by default and filters by status and resultCode', () => {
    const { call, store } = setup();
    const list = ok(call('workflowsGetJobsForWorkflow', alice, { params: { workflowId: ANCHOR_WORKFLOW_ID } })).body as { createDate: string; status: string; id: string }[];
    const dates = list.map((j) => j.createDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const errors = ids(call('workflowsGetJobsForWorkflow', alice, { params: { workflowId: ANCHOR_WORKFLOW_ID }, query: { status: 'Completed', resultCode: 'Error' } }));
    expect(errors.length).toBeGreaterThan(0);
    for (const id of errors) expect(store.jobs.get(id)!.job).toMatchObject({ status: 'Completed', disposition: 'Error' });
  });

  it("shows a plain user only their own jobs of a shared workflow, and the Curator everyone's", () => {
    const { call, store } = setup();
    const of = (p: Principal) => ids(call('workflowsGetJobsForWorkflow', p, { params: { workflowId: ANCHOR_WORKFLOW_ID } }));
    for (const id of of(bob)) expect(store.jobs.get(id)!.ownerId).toBe(bob.id);
    for (const id of of(carol)) expect(store.jobs.get(id)!.ownerId).toBe(carol.id);
    expect(of(alice).length).toBeGreaterThan(of(bob).length + of(carol).length);
    expect(of(alice)).toEqual(expect.arrayContaining([...of(bob), ...of(carol)]));
  });

  it("answers 404 for another user's job and for a private workflow of someone else", () => {
    const { call, store } = setup();
    expect(call('jobsGetJobV3', bob, { params: { jobId: ANCHOR_JOB_ID }, query: {} })).toMatchObject({ code: 'not_found' });
    const carolsPrivate = [...store.workflows.values()].find((w) => w.ownerId === carol.id && !w.isShared)!;
    expect(call('workflowsGetJobsForWorkflow', bob, { params: { workflowId: carolsPrivate.id } })).toMatchObject({ code: 'not_found' });
    expect(call('workflowsEnqueue', bob, { params: { workflowId: carolsPrivate.id }, body: {} })).toMatchObject({ code: 'not_found' });
    expect(ok(call('workflowsGetJobsForWorkflow', alice, { params: { workflowId: carolsPrivate.id } })).status).toBe(200);
  });

  it("enqueues with the workflow's worker tag and Default priority unless told otherwise", () => {
    const { call, store } = setup();
    const amp = [...store.workflows.values()].find((w) => w.runWithE2)!;
    const owner = DEV_USERS.find((u) => u.principal.id === amp.ownerId)!.principal;
    const job = ok(call('workflowsEnqueue', owner, { params: { workflowId: amp.id }, body: {} })).body as Record<string, unknown>;
    expect(job).toMatchObject({ appId: amp.id, status: 'Queued', disposition: 'None', priority: 'Default', workerTag: amp.workerTag, runWithE2: true, messages: [], outputs: [] });
    const tagged = ok(call('workflowsEnqueue', owner, { params: { workflowId: amp.id }, body: { workerTag: 'gpu', priority: 'Low', credentialId: 'c1', questions: [{ name: 'a', value: 'b' }] } })).body as { id: string };
    expect(store.jobs.get(tagged.id)).toMatchObject({ ownerId: owner.id, credentialId: 'c1', questions: [{ name: 'a', value: 'b' }], job: { workerTag: 'gpu', priority: 'Low' } });
  });

  it('lists messages for Curators only, before even looking the job up', () => {
    const { call } = setup();
    expect(call('jobsGetJobMessages', bob, { params: { jobId: '000000000000000000000000' } })).toMatchObject({ code: 'forbidden', status: 403 });
    expect(call('jobsGetJobMessages', alice, { params: { jobId: '000000000000000000000000' } })).toMatchObject({ code: 'not_found' });
    expect((ok(call('jobsGetJobMessages', alice, { params: { jobId: ANCHOR_JOB_ID } })).body as unknown[]).length).toBe(3);
  });

  describe('token endpoint', () => {
    // The engine hands the handler the form decoded and validated against TokenRequest: an object of string fields.
    const oauthCode = (r: Reply | ApiError) => (isApiError(r) ? r.detail['oauthError'] : undefined);

    it('issues a 60-minute bearer token for a valid key and secret, in the form or as Basic credentials', () => {
      const { call } = setup();
      const fromForm = ok(call('oauth2Token', alice, { body: { grant_type: 'client_credentials', client_id: 'bob-api-key', client_secret: 'bob-api-secret' } }));
      expect(fromForm.body).toMatchObject({ token_type: 'bearer', expires_in: 3600, access_token: expect.stringMatching(/^[\w-]{86}$/) });
      const basic = `Basic ${btoa('carol-api-key:carol-api-secret')}`;
      expect(ok(call('oauth2Token', alice, { body: { grant_type: 'client_credentials' }, headers: { authorization: basic } })).status).toBe(200);
      // RFC 6749 §2.3.1: the id and secret are form-encoded before base64.
      const encoded = `Basic ${btoa('alice-api-key:alice%2Dapi%2Dsecret')}`;
      expect(ok(call('oauth2Token', alice, { body: { grant_type: 'client_credentials' }, headers: { authorization: encoded } })).status).toBe(200);
    });

    it('takes Basic credentials over form ones, and ignores fields it does not know', () => {
      const { call } = setup();
      const basic = `Basic ${btoa('carol-api-key:carol-api-secret')}`;
      const both = { grant_type: 'client_credentials', client_id: 'bob-api-key', client_secret: 'wrong', scope: 'jobs' };
      expect(ok(call('oauth2Token', alice, { body: both, headers: { authorization: basic } })).status).toBe(200);
      expect(oauthCode(call('oauth2Token', alice, { body: both }))).toBe('invalid_client');
    });

    it('refuses unknown clients, wrong secrets, other grants and missing fields with the RFC 6749 codes', () => {
      const { call } = setup();
      expect(oauthCode(call('oauth2Token', alice, { body: { grant_type: 'client_credentials', client_id: 'bob-api-key', client_secret: 'nope' } }))).toBe('invalid_client');
      expect(oauthCode(call('oauth2Token', alice, { body: { grant_type: 'client_credentials', client_id: 'who', client_secret: 'x' } }))).toBe('invalid_client');
      expect(oauthCode(call('oauth2Token', alice, { body: { grant_type: 'client_credentials' } }))).toBe('invalid_client');
      // An empty field counts as a missing one (RFC 6749 §3.1).
      expect(oauthCode(call('oauth2Token', alice, { body: { grant_type: 'client_credentials', client_id: 'bob-api-key', client_secret: '' } }))).toBe('invalid_client');
      expect(oauthCode(call('oauth2Token', alice, { body: { grant_type: 'client_credentials' }, headers: { authorization: 'Basic %%%' } }))).toBe('invalid_client');
      // The engine refuses these before the handler runs; the handler still answers them right on its own.
      expect(oauthCode(call('oauth2Token', alice, { body: { client_id: 'bob-api-key', client_secret: 'bob-api-secret' } }))).toBe('invalid_request');
      expect(oauthCode(call('oauth2Token', alice, { body: { grant_type: 'password', client_id: 'bob-api-key', client_secret: 'bob-api-secret' } }))).toBe('unsupported_grant_type');
    });
  });
});
