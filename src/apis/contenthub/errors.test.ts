import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api-error.js';
import { createEngineFromModules } from '../../engine/engine.js';
import { ALICE } from './auth.js';
import { errors } from './errors.js';
import contenthub from './index.js';

function mock(maxBodyBytes?: number) {
  const engine = createEngineFromModules([contenthub], { seed: 1, clock: 'manual', validateResponses: 'throw', ...(maxBodyBytes ? { maxBodyBytes } : {}) });
  return (method: string, path: string, headers: Record<string, string> = {}, bodyText?: string) =>
    engine.handle('contenthub', { method, path, rawQuery: '', headers: { authorization: `Bearer ${ALICE.token}`, ...headers }, bodyText });
}

describe('contenthub: error envelope', () => {
  it('renders validation findings as ASP.NET model state: field → messages', () => {
    const reply = errors.render(
      new ApiError('validation_failed', 'invalid', {
        diagnostics: [
          { location: 'query', path: 'take', keyword: 'minimum', message: 'must be >= 1' },
          { location: 'body', path: '/properties/Target.State', keyword: 'enum', message: 'must be one of "Pending"' },
          { location: 'body', path: '/properties/Target.State', keyword: 'type', message: 'must be string' },
        ],
      }),
      undefined,
    );
    expect(reply).toEqual({
      status: 400,
      headers: {},
      body: { message: 'The request is invalid.', errors: { take: ['must be >= 1'], 'properties.Target.State': ['must be one of "Pending"', 'must be string'] } },
    });
  });

  it('keeps model-state keys from requests off the prototype', () => {
    const reply = errors.render(new ApiError('validation_failed', 'x', { diagnostics: [{ location: 'body', path: '/__proto__', keyword: 'x', message: 'bad' }] }), undefined);
    const fields = (reply.body as { errors: Record<string, string[]> }).errors;
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(JSON.parse(JSON.stringify(reply.body)).errors['__proto__']).toEqual(['bad']);
    expect(({} as Record<string, unknown>)['bad']).toBeUndefined();
  });

  it('names the field of a handler’s own validation error', () => {
    expect(errors.render(new ApiError('validation_failed', 'Culture x is not enabled.', { detail: { field: 'cultures' } }), undefined).body).toEqual({
      message: 'The request is invalid.',
      errors: { cultures: ['Culture x is not enabled.'] },
    });
  });

  it('maps each kit code to its status with a message only', () => {
    for (const [code, status] of [['not_found', 404], ['forbidden', 403], ['conflict', 409], ['internal', 500], ['not_implemented', 501]] as const) {
      const reply = errors.render(new ApiError(code, 'why'), undefined);
      expect(reply.status).toBe(status);
      expect(Object.keys(reply.body as object)).toEqual(['message']);
    }
    expect(errors.render(new ApiError('service_unavailable', 'later'), undefined).headers).toEqual({ 'retry-after': '30' });
  });
});

describe('contenthub: engine errors in Content Hub’s shape', () => {
  it('answers an unknown path with 404', async () => {
    const r = await mock()('GET', '/api/v2/jobs');
    expect([r.status, Object.keys(r.body as object)]).toEqual([404, ['message']]);
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const r = await mock()('POST', '/api/v2/jobs/39309');
    expect(r.status).toBe(405);
    expect(r.headers['allow']).toBe('GET');
    expect((r.body as { message: string }).message).toMatch(/does not support the http method/);
  });

  it('answers malformed JSON with 400 and the parser’s complaint under body', async () => {
    const r = await mock()('POST', '/api/jobs/39309/targets', { 'content-type': 'application/json' }, '{"properties":');
    expect(r.status).toBe(400);
    expect(Object.keys((r.body as { errors: object }).errors)).toEqual(['body']);
  });

  it('answers a body that is not JSON with 415', async () => {
    const r = await mock()('POST', '/api/jobs/39309/targets', { 'content-type': 'text/plain' }, 'hello');
    expect(r.status).toBe(415);
    expect((r.body as { message: string }).message).toMatch(/media type/);
  });

  it('answers a body over the size limit with 413', async () => {
    const r = await mock(64)('POST', '/api/jobs/39309/targets', { 'content-type': 'application/json' }, JSON.stringify({ properties: { 'Target.Location': 'x'.repeat(100) } }));
    expect(r.status).toBe(413);
  });

  it('answers a non-numeric id with 400 naming the parameter', async () => {
    const r = await mock()('GET', '/api/jobs/39309/targets/bulk');
    expect(r.status).toBe(400);
    expect(Object.keys((r.body as { errors: object }).errors)).toEqual(['targetId']);
  });
});
