import { describe, expect, it, vi } from 'vitest';
import type { ApiName } from '../core/api-module.js';
import type { MockRequest } from '../core/http.js';
import { tinyApi } from '../../test/support/tiny-api.js';
import { createEngineFromModules } from './engine.js';

const TINY = 'tiny' as ApiName;
const alice = { authorization: 'Bearer token-alice' };
const req = (method: string, path: string, extra: Partial<MockRequest> = {}): MockRequest => ({ method, path, rawQuery: '', headers: { ...alice }, bodyText: undefined, ...extra });
const json = (body: unknown): Partial<MockRequest> => ({ bodyText: JSON.stringify(body), headers: { ...alice, 'content-type': 'application/json' } });

function engine(options = {}) {
  return createEngineFromModules([tinyApi], { validateResponses: 'throw', onError: () => {}, ...options });
}

describe('engine: routing', () => {
  it('answers an unknown path with 404 in the API envelope', async () => {
    const res = await engine().handle(TINY, req('GET', '/v1/nothing'));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: 'no resource at /v1/nothing' });
  });
  it('answers a path outside the base path with 404', async () => {
    expect((await engine().handle(TINY, req('GET', '/things'))).status).toBe(404);
  });
  it('answers a known path with the wrong method with 405 and an Allow header', async () => {
    const res = await engine().handle(TINY, req('PUT', '/v1/things'));
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('GET, POST');
  });
  it('routes path parameters, decoded', async () => {
    const res = await engine().handle(TINY, req('GET', '/v1/things/t1'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 't1', owner: 'alice' });
  });
});

describe('engine: auth stage', () => {
  it('refuses a request without credentials with 401 in the API envelope', async () => {
    const res = await engine().handle(TINY, req('GET', '/v1/things/t1', { headers: {} }));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'missing or unknown bearer token' });
  });
  it('lets public operations through without credentials', async () => {
    const res = await engine().handle(TINY, req('GET', '/v1/public', { headers: {} }));
    expect(res.body).toEqual({ you: 'anonymous' });
  });
  it('uses the anonymous principal when auth is off', async () => {
    const e = engine({ auth: false });
    expect((await e.handle(TINY, req('GET', '/v1/things', { headers: {} }))).status).toBe(200);
  });
});

describe('engine: validation stage', () => {
  it('coerces query parameters and applies defaults', async () => {
    const res = await engine().handle(TINY, req('GET', '/v1/things', { rawQuery: 'limit=5' }));
    expect(res.status).toBe(200);
  });
  it('refuses an out-of-range query parameter with a located message', async () => {
    const res = await engine().handle(TINY, req('GET', '/v1/things', { rawQuery: 'limit=500' }));
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain('query limit: must be <= 50');
  });
  it('refuses a path parameter that breaks its pattern', async () => {
    expect((await engine().handle(TINY, req('GET', '/v1/things/x1'))).status).toBe(400);
  });
  it('answers malformed JSON with 400', async () => {
    const res = await engine().handle(TINY, req('POST', '/v1/things', { bodyText: '{"name":', headers: { ...alice, 'content-type': 'application/json' } }));
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(/not valid JSON/);
  });
  it('answers an unsupported content type with 415', async () => {
    const res = await engine().handle(TINY, req('POST', '/v1/things', { bodyText: 'name=x', headers: { ...alice, 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(res.status).toBe(415);
  });
  it('answers a body over the size limit with 413', async () => {
    const res = await createEngineFromModules([tinyApi], { maxBodyBytes: 10 }).handle(TINY, req('POST', '/v1/things', json({ name: 'a long name here' })));
    expect(res.status).toBe(413);
  });
  it('refuses a body missing a required field, naming it', async () => {
    const res = await engine().handle(TINY, req('POST', '/v1/things', json({ size: 'S' })));
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain('body /name: is required');
  });
  it('refuses an unknown enum value', async () => {
    const res = await engine().handle(TINY, req('POST', '/v1/things', json({ name: 'x', size: 'XL' })));
    expect((res.body as { message: string }).message).toContain('must be one of "S", "M", "L"');
  });
});

describe('engine: domain and respond stages', () => {
  it('creates, reads back and deletes with state kept between requests', async () => {
    const e = engine();
    const created = await e.handle(TINY, req('POST', '/v1/things', json({ name: 'two' })));
    expect(created.status).toBe(201);
    expect(created.headers['content-type']).toBe('application/json');
    const id = (created.body as { id: string }).id;
    expect((await e.handle(TINY, req('GET', `/v1/things/${id}`))).status).toBe(200);
    const gone = await e.handle(TINY, req('DELETE', `/v1/things/${id}`));
    expect(gone.status).toBe(204);
    expect(gone.bodyText).toBe('');
    expect((await e.handle(TINY, req('GET', `/v1/things/${id}`))).status).toBe(404);
  });
  it('turns a handler exception into a 500 in the API envelope and logs it', async () => {
    const onError = vi.fn();
    const res = await createEngineFromModules([tinyApi], { onError }).handle(TINY, req('GET', '/v1/crash'));
    expect(res.status).toBe(500);
    expect(res.body).toHaveProperty('message');
    expect(onError).toHaveBeenCalledWith(expect.stringContaining('crash'), expect.any(Error));
  });
  it("turns a response that breaks the spec into a 500 naming the problem in 'throw' mode", async () => {
    const e = engine();
    const res = await e.handle(TINY, req('GET', '/v1/broken'));
    expect(res.status).toBe(500);
    expect((res.body as { message: string }).message).toContain('response /name: is required');
    expect(e.violations[0]).toMatchObject({ api: 'tiny', operationId: 'brokenResponse' });
  });
  it('answers a named spec example for Prefer: example=NAME', async () => {
    const res = await engine().handle(TINY, req('GET', '/v1/things/t9', { headers: { ...alice, prefer: 'example=notFound' } }));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: 'no such thing' });
  });
  it('answers the documented response for Prefer: code=NNN, and 400 for an undocumented one', async () => {
    expect((await engine().handle(TINY, req('GET', '/v1/things', { headers: { ...alice, prefer: 'code=200' } }))).body).toEqual({ things: [] });
    expect((await engine().handle(TINY, req('GET', '/v1/things', { headers: { ...alice, prefer: 'code=418' } }))).status).toBe(400);
  });
  it('injects faults at the configured rate, deterministically per seed', async () => {
    const run = async () => {
      const e = engine({ faults: { rate: 0.5, status: 500 } });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await e.handle(TINY, req('GET', '/v1/things'))).status);
      return statuses;
    };
    const first = await run();
    expect(first.filter((s) => s === 500).length).toBeGreaterThan(5);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(5);
    expect(await run()).toEqual(first);
  });
  it('holds a response for the configured latency', async () => {
    const e = engine({ latency: { min: 30, max: 30 } });
    const started = performance.now();
    await e.handle(TINY, req('GET', '/v1/things'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });
});

describe('engine: clock, journal and reset', () => {
  it('runs lifecycles only when virtual time moves', async () => {
    const e = engine();
    await e.handle(TINY, req('GET', '/v1/things'));
    expect((e.store(TINY) as { advancedTo: number[] }).advancedTo).toEqual([]);
    e.advance(1000);
    expect((e.store(TINY) as { advancedTo: number[] }).advancedTo).toEqual([e.clock.startedAt + 1000]);
  });
  it('records each request in the journal with its operation and status', async () => {
    const e = engine();
    await e.handle(TINY, req('GET', '/v1/things/t1'));
    await e.handle(TINY, req('GET', '/v1/nope'));
    expect(e.journal.list().map((j) => [j.operationId, j.status, j.principal])).toEqual([['getThing', 200, 'alice'], [undefined, 404, undefined]]);
  });
  it('reset brings back the seeded state and the start time', async () => {
    const e = engine();
    await e.handle(TINY, req('DELETE', '/v1/things/t1'));
    e.advance(5000);
    e.reset();
    expect(e.clock.now()).toBe(e.clock.startedAt);
    expect((await e.handle(TINY, req('GET', '/v1/things/t1'))).status).toBe(200);
  });
});
