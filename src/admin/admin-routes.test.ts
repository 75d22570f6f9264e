import { describe, expect, it } from 'vitest';
import type { ApiName } from '../core/api-module.js';
import { createEngineFromModules } from '../engine/engine.js';
import { tinyApi } from '../../test/support/tiny-api.js';
import { createAdminApi } from './admin-api.js';
import { handleAdminRequest } from './admin-routes.js';

const setup = () => {
  const engine = createEngineFromModules([tinyApi], { onError: () => {} });
  const admin = createAdminApi(engine);
  const call = (method: string, path: string, body?: unknown, rawQuery = '') =>
    handleAdminRequest(admin, { method, path, rawQuery, bodyText: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  return { engine, call };
};

describe('admin API over HTTP', () => {
  it('reports health with the served APIs and the clock', () => {
    const { call, engine } = setup();
    expect(call('GET', '/health').body).toEqual({ status: 'ok', apis: ['tiny'], clock: { now: engine.clock.now(), mode: 'manual' } });
  });
  it('advances the clock and answers the new time', () => {
    const { call, engine } = setup();
    const res = call('POST', '/clock/advance', { ms: 60_000 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ now: engine.clock.startedAt + 60_000, iso: new Date(engine.clock.startedAt + 60_000).toISOString() });
  });
  it('answers bad input with 400 and a message, never a crash', () => {
    const { call } = setup();
    expect(call('POST', '/clock/advance', { ms: -5 })).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('ms must be') } } });
    expect(call('POST', '/clock/advance', '{"ms":')).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('not valid JSON') } } });
    expect(call('PATCH', '/settings', { latency: { min: 5, max: 1 } }).status).toBe(400);
    expect(call('PATCH', '/settings', { colour: 'red' }).status).toBe(400);
    expect(call('POST', '/seed', { api: 'nope', data: [] }).status).toBe(400);
    expect(call('POST', '/seed', { api: 'tiny', data: 'not an array' }).status).toBe(400);
  });
  it('answers unknown admin paths with 404 and wrong methods with 405', () => {
    const { call } = setup();
    expect(call('GET', '/nothing').status).toBe(404);
    expect(call('DELETE', '/clock').status).toBe(405);
  });
  it('seeds records and shows them in the state', () => {
    const { call } = setup();
    expect(call('POST', '/seed', { api: 'tiny', data: [{ id: 't50', name: 'seeded', owner: 'bob' }] }).body).toEqual({ api: 'tiny', loaded: 1 });
    const state = call('GET', '/state', undefined, 'api=tiny').body as { apis: { tiny: { things: { id: string }[] } } };
    expect(state.apis.tiny.things.map((t) => t.id)).toEqual(['t1', 't50']);
  });
  it('changes settings at run time (auth off, faults on)', async () => {
    const { call, engine } = setup();
    call('PATCH', '/settings', { auth: false, faults: { rate: 1, status: 500 } });
    const res = await engine.handle('tiny' as ApiName, { method: 'GET', path: '/v1/things', rawQuery: '', headers: {}, bodyText: undefined });
    expect(res.status).toBe(500);
    call('PATCH', '/settings', { faults: null });
    expect((await engine.handle('tiny' as ApiName, { method: 'GET', path: '/v1/things', rawQuery: '', headers: {}, bodyText: undefined })).status).toBe(200);
  });
  it('lists and clears the request journal', async () => {
    const { call, engine } = setup();
    await engine.handle('tiny' as ApiName, { method: 'GET', path: '/v1/things/t1', rawQuery: '', headers: { authorization: 'Bearer token-alice' }, bodyText: undefined });
    expect((call('GET', '/requests').body as { requests: unknown[] }).requests).toHaveLength(1);
    expect(call('DELETE', '/requests').body).toEqual({ cleared: 1 });
    expect((call('GET', '/requests').body as { requests: unknown[] }).requests).toHaveLength(0);
  });
});
