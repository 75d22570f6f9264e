import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api-error.js';
import { errors } from './errors.js';

describe('exabyte: JSend error envelope', () => {
  it('renders client errors as fail and server errors as error, with data.message', () => {
    expect(errors.render(new ApiError('bad_request', 'nope'), undefined)).toEqual({ status: 400, body: { status: 'fail', data: { message: 'nope' } }, headers: {} });
    expect(errors.render(new ApiError('internal', 'boom'), undefined).body).toEqual({ status: 'error', data: { message: 'boom' } });
    expect(errors.render(new ApiError('service_unavailable', 'later', { status: 503 }), undefined).status).toBe(503);
  });

  it('keeps the statuses and headers of engine errors', () => {
    const reply = errors.render(new ApiError('method_not_allowed', 'no', { headers: { allow: 'GET, PATCH' } }), undefined);
    expect(reply.status).toBe(405);
    expect(reply.headers).toEqual({ allow: 'GET, PATCH' });
    for (const [code, status] of [['unauthorized', 401], ['not_found', 404], ['payload_too_large', 413], ['unsupported_media_type', 415]] as const) {
      expect(errors.render(new ApiError(code, 'x'), undefined)).toMatchObject({ status, body: { status: 'fail' } });
    }
  });

  it('answers a path id of the wrong shape as the 404 of a missing job', () => {
    const malformed = new ApiError('validation_failed', 'invalid', { diagnostics: [{ location: 'path', path: 'id', keyword: 'pattern', message: 'bad' }] });
    expect(errors.render(malformed, undefined)).toEqual({ status: 404, body: { status: 'fail', data: { message: 'Job not found' } } });
    const body = new ApiError('validation_failed', 'invalid body', { diagnostics: [{ location: 'body', path: '/name', keyword: 'type', message: 'bad' }] });
    expect(errors.render(body, undefined).status).toBe(400);
  });
});
