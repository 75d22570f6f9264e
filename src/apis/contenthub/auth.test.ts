import { describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import { createEngineFromModules } from '../../engine/engine.js';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { accessTo, ADMINISTRATOR, ALICE, auth, BOB, USERS } from './auth.js';
import contenthub from './index.js';

function mock() {
  const engine = createEngineFromModules([contenthub], { seed: 1, clock: 'manual', validateResponses: 'throw' });
  const send = async (method: string, url: string, headers: Record<string, string>, body?: unknown) => {
    const [path, rawQuery = ''] = url.split('?') as [string, string?];
    const all = body === undefined ? headers : { ...headers, 'content-type': 'application/json' };
    const r = await engine.handle('contenthub', { method, path, rawQuery, headers: all, bodyText: body === undefined ? undefined : JSON.stringify(body) });
    expect(engine.violations).toEqual([]);
    return { status: r.status, headers: r.headers, body: r.body as any };
  };
  const as = (user: (typeof USERS)[number]) => ({ authorization: `Bearer ${user.token}` });
  return { engine, send, as };
}

describe('contenthub: OAuth bearer tokens', () => {
  it('gives each dev user a distinct bearer credential, alice first', () => {
    const creds = auth.devCredentials();
    expect(creds.map((c) => c.principal.name)).toEqual(['alice', 'bob', 'administrator']);
    expect(new Set(creds.map((c) => c.headers['authorization'])).size).toBe(3);
    expect(creds[2]!.principal.roles).toEqual(['superuser']);
  });

  it.each([
    ['no Authorization header', {}],
    ['an unknown token', { authorization: 'Bearer not-a-token' }],
    ['another scheme', { authorization: `Basic ${ALICE.token}` }],
    ['a bare token', { authorization: ALICE.token }],
  ])('answers %s with 401, WWW-Authenticate: Bearer and Content Hub’s error body', async (_what, headers) => {
    const { send } = mock();
    const r = await send('GET', '/api/v2/jobs/39309', headers);
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toBe('Bearer');
    expect(r.body).toEqual({ message: 'Authorization has been denied for this request.' });
  });

  it('accepts the scheme name in any case', async () => {
    const { send } = mock();
    expect((await send('GET', '/api/v2/jobs/39309', { authorization: `bearer ${ALICE.token}` })).status).toBe(200);
  });
});

describe('contenthub: permissions per job', () => {
  it('answers 403 for another user’s job on every operation, before looking at the body', async () => {
    const { send, as } = mock();
    const calls: Array<[string, string, unknown?]> = [
      ['GET', '/api/v2/jobs/39371'],
      ['GET', '/api/jobs/39371/description'],
      ['GET', '/api/jobs/39371/description/39372'],
      ['PUT', '/api/jobs/39371/description', {}],
      ['PATCH', '/api/jobs/39371/description', {}],
      ['DELETE', '/api/jobs/39371/description'],
      ['POST', '/api/jobs/39371/targets', {}],
      ['POST', '/api/jobs/39371/targets/bulk', [{}]],
      ['GET', '/api/jobs/39371/targets'],
      ['GET', '/api/jobs/39371/targets/39373'],
      ['PUT', '/api/jobs/39371/targets/39373', { properties: { 'Target.State': 'Pending', 'Target.Condition': 'Pending' } }],
      ['PATCH', '/api/jobs/39371/targets/39373', {}],
      ['DELETE', '/api/jobs/39371/targets/39373'],
    ];
    for (const [method, path, body] of calls) {
      const r = await send(method, path, as(ALICE), body);
      expect([method, path, r.status]).toEqual([method, path, 403]);
      expect(r.body.message).toMatch(/^User 'alice' does not have permission to (read|update) job 39371\.$/);
    }
    expect((await send('GET', '/api/v2/jobs/39371', as(BOB))).status).toBe(200);
  });

  it('lets a reader read a shared job but not change it', async () => {
    const { send, as } = mock();
    expect((await send('GET', '/api/v2/jobs/39376', as(ALICE))).status).toBe(200);
    expect((await send('GET', '/api/jobs/39376/targets', as(ALICE))).body.total_items).toBe(5);
    const write = await send('POST', '/api/jobs/39376/targets', as(ALICE), {});
    expect(write.status).toBe(403);
    expect(write.body.message).toBe("User 'alice' does not have permission to update job 39376.");
  });

  it('lets a superuser read and change every job', async () => {
    const { send, as } = mock();
    expect((await send('GET', '/api/v2/jobs/39309', as(ADMINISTRATOR))).status).toBe(200);
    expect((await send('PATCH', '/api/jobs/39371/targets/39373', as(ADMINISTRATOR), { properties: { 'Target.Location': null } })).status).toBe(204);
  });

  it('acts as the administrator when auth is off', async () => {
    const { engine, send } = mock();
    engine.settings.auth = false;
    const created = await send('POST', '/api/jobs/39371/targets', {}, {});
    expect(created.status).toBe(201);
    const target = (await send('GET', `/api/jobs/39371/targets/${created.body.id}`, {})).body;
    expect(target.created_by.href).toMatch(new RegExp(`/api/entities/${ADMINISTRATOR.entityId}$`));
  });

  it('derives access from the job: creator and superusers write, readers read, others nothing', () => {
    const clock = createClock();
    const store = contenthub.createStore({ random: createRandom(1), clock, fixtures: false });
    const job = { createdBy: BOB.entityId, readers: [ALICE.entityId] } as never;
    const principal = (u: (typeof USERS)[number]) => auth.devCredentials().find((c) => c.principal.name === u.name)!.principal;
    expect([accessTo(job, principal(BOB)), accessTo(job, principal(ALICE)), accessTo(job, principal(ADMINISTRATOR))]).toEqual(['write', 'read', 'write']);
    expect(accessTo({ createdBy: BOB.entityId, readers: [] } as never, principal(ALICE))).toBe('none');
    expect(isApiError(auth.authenticate({ headers: {} } as never, store, clock))).toBe(true);
  });
});
