import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api-error.js';
import type { OperationSpec } from '../../spec/spec-index.js';
import { errors, toModelState } from './errors.js';

const op = (operationId: string, withBody = false) => ({ operationId, requestBody: withBody ? { content: {} } : undefined }) as unknown as OperationSpec;

describe('alteryx: error envelope', () => {
  it('answers invalid requests the ASP.NET way: a message and the model state per member', () => {
    const error = new ApiError('validation_failed', 'x', {
      diagnostics: [
        { location: 'body', path: '/priority', keyword: 'enum', message: 'must be one of "Default"' },
        { location: 'body', path: '/questions/0/name', keyword: 'required', message: 'is required' },
        { location: 'query', path: 'limit', keyword: 'minimum', message: 'must be >= 1' },
      ],
    });
    expect(errors.render(error, op('workflowsEnqueue', true))).toEqual({
      status: 400,
      body: { message: 'The request is invalid.', modelState: { 'contract.priority': ['must be one of "Default"'], 'contract.questions[0].name': ['is required'], limit: ['must be >= 1'] } },
    });
  });

  it('answers a malformed path id with 404, as no such job exists', () => {
    const error = new ApiError('validation_failed', 'x', { diagnostics: [{ location: 'path', path: 'jobId', keyword: 'pattern', message: 'bad' }] });
    expect(errors.render(error, op('jobsGetJobV3'))).toMatchObject({ status: 404, body: { message: expect.any(String) } });
  });

  it('puts malformed JSON under the body parameter in the model state', () => {
    expect(errors.render(new ApiError('bad_request', 'not JSON'), op('workflowsEnqueue', true)).body).toEqual({ message: 'The request is invalid.', modelState: { contract: ['not JSON'] } });
  });

  it('answers 401 with the ASP.NET message and a WWW-Authenticate challenge', () => {
    expect(errors.render(new ApiError('unauthorized', 'Authorization has been denied for this request.'), op('jobsGetJobV3'))).toEqual({
      status: 401,
      body: { message: 'Authorization has been denied for this request.' },
      headers: { 'www-authenticate': 'Bearer' },
    });
  });

  it("uses ASP.NET's own messages for routing, method, media type and server errors, keeping the status", () => {
    expect(errors.render(new ApiError('not_found', 'no route'), undefined)).toEqual({ status: 404, body: { message: 'No HTTP resource was found that matches the request URI.' } });
    expect(errors.render(new ApiError('method_not_allowed', 'x', { headers: { allow: 'GET' } }), undefined).status).toBe(405);
    expect(errors.render(new ApiError('unsupported_media_type', 'x'), op('workflowsEnqueue', true)).status).toBe(415);
    expect(errors.render(new ApiError('payload_too_large', 'x'), op('workflowsEnqueue', true)).status).toBe(413);
    expect(errors.render(new ApiError('internal', 'boom', { status: 502 }), op('jobsGetJobV3'))).toEqual({ status: 502, body: { message: 'An error has occurred.', exceptionMessage: 'boom' } });
  });

  it('answers the token endpoint with RFC 6749 errors instead', () => {
    expect(errors.render(new ApiError('bad_request', 'bad secret', { detail: { oauthError: 'invalid_client' } }), op('oauth2Token', true))).toEqual({ status: 400, body: { error: 'invalid_client', error_description: 'bad secret' } });
    expect(errors.render(new ApiError('validation_failed', 'empty'), op('oauth2Token', true))).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(errors.render(new ApiError('unsupported_media_type', 'json'), op('oauth2Token', true))).toMatchObject({ status: 415, body: { error: 'invalid_request' } });
    expect(errors.render(new ApiError('internal', 'boom'), op('oauth2Token', true))).toMatchObject({ status: 500, body: { error: 'server_error' } });
  });

  it('calls a form refused only for its grant_type unsupported_grant_type, any other form problem invalid_request', () => {
    const grant = { location: 'body', path: '/grant_type', keyword: 'enum', message: 'must be one of "client_credentials"' } as const;
    const twice = { location: 'body', path: '/client_id', keyword: 'type', message: 'must be string' } as const;
    const missing = { location: 'body', path: '/grant_type', keyword: 'required', message: 'is required' } as const;
    const render = (...diagnostics: (typeof grant | typeof twice | typeof missing)[]) => errors.render(new ApiError('validation_failed', 'x', { diagnostics }), op('oauth2Token', true));
    expect(render(grant)).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(render(missing).body).toMatchObject({ error: 'invalid_request' });
    expect(render(twice).body).toMatchObject({ error: 'invalid_request' });
    expect(render(grant, twice).body).toMatchObject({ error: 'invalid_request' });
  });

  it('builds the model state on a plain object even for hostile member names', () => {
    const state = toModelState([{ location: 'query', path: '__proto__', keyword: 'x', message: 'm' }]);
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
