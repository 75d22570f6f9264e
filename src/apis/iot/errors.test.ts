import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api-error.js';
import type { OperationSpec } from '../../spec/spec-index.js';
import { awsError, iotErrors } from './errors.js';

const op = { operationId: 'createJob' } as OperationSpec;

describe('iot: error envelope', () => {
  it("renders AWS exceptions with AWS IoT's statuses, the seed's envelope and x-amzn-ErrorType", () => {
    expect(iotErrors.render(awsError('LimitExceededException', 'too many'), op)).toEqual({ status: 410, body: { error: 'too many', code: 'LimitExceededException' }, headers: { 'x-amzn-errortype': 'LimitExceededException' } });
    expect(iotErrors.render(awsError('VersionConflictException', 'v'), op).status).toBe(409);
    expect(iotErrors.render(awsError('ThrottlingException', 't'), op).status).toBe(400);
  });

  it('answers an invalid body with the seed 422 and an invalid parameter with AWS 400', () => {
    const body = new ApiError('validation_failed', 'bad', { diagnostics: [{ location: 'body', path: '/targets', keyword: 'required', message: 'is required' }] });
    const query = new ApiError('validation_failed', 'bad', { diagnostics: [{ location: 'query', path: 'maxResults', keyword: 'maximum', message: 'too big' }] });
    expect(iotErrors.render(body, op)).toMatchObject({ status: 422, body: { code: 'InvalidRequestException' } });
    expect(iotErrors.render(query, op)).toMatchObject({ status: 400, body: { code: 'InvalidRequestException' } });
  });

  it('maps engine errors: unknown path, wrong method (keeping Allow), refused auth, injected faults', () => {
    expect(iotErrors.render(new ApiError('not_found', 'no'), undefined).body).toMatchObject({ code: 'UnknownOperationException' });
    expect(iotErrors.render(new ApiError('method_not_allowed', 'no', { headers: { allow: 'GET' } }), undefined)).toMatchObject({ status: 405, headers: { allow: 'GET' } });
    expect(iotErrors.render(new ApiError('unauthorized', 'no'), op)).toMatchObject({ status: 403, body: { code: 'MissingAuthenticationTokenException' } });
    expect(iotErrors.render(new ApiError('service_unavailable', 'fault', { status: 503 }), op)).toMatchObject({ status: 503, body: { code: 'ServiceUnavailableException' } });
    expect(iotErrors.render(new ApiError('internal', 'fault', { status: 502 }), op)).toMatchObject({ status: 502, body: { code: 'InternalFailureException' } });
    expect(iotErrors.render(new ApiError('unsupported_media_type', 'x'), op).status).toBe(415);
    expect(iotErrors.render(new ApiError('payload_too_large', 'x'), op).status).toBe(413);
  });
});
