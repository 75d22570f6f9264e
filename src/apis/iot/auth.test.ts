import { describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import type { OperationSpec } from '../../spec/spec-index.js';
import { iamAction, iotAuth } from './auth.js';

const request = (headers: Record<string, string>, operationId = 'describeJob') => ({
  method: 'GET', path: '/jobs/x', headers, query: new URLSearchParams(), operation: { operationId } as OperationSpec,
});

describe('iot: dev users and IAM policies', () => {
  const creds = iotAuth.devCredentials();

  it('authenticates each dev credential as its user, two of them in one account and one in another', () => {
    for (const cred of creds) expect(iotAuth.authenticate(request(cred.headers), undefined as never, undefined as never)).toEqual(cred.principal);
    const accounts = creds.map((c) => c.principal.account);
    expect(accounts[0]).toBe(accounts[1]);
    expect(accounts[2]).not.toBe(accounts[0]);
    expect(new Set(creds.map((c) => c.headers['authorization'])).size).toBe(creds.length);
  });

  it("refuses writes to the read-only user with AccessDeniedException, naming the IAM action", () => {
    const dave = creds.find((c) => c.principal.id === 'dave')!;
    expect(isApiError(iotAuth.authenticate(request(dave.headers, 'listJobs'), undefined as never, undefined as never))).toBe(false);
    const denied = iotAuth.authenticate(request(dave.headers, 'createJob'), undefined as never, undefined as never);
    expect(isApiError(denied) && denied.detail['code']).toBe('AccessDeniedException');
    expect(isApiError(denied) && denied.message).toContain('iot:CreateJob');
  });

  it('names IAM actions after the AWS operations', () => {
    expect(iamAction('listJobExecutionsForThing')).toBe('iot:ListJobExecutionsForThing');
    expect(iamAction('cancelJob')).toBe('iot:CancelJob');
  });

  it('acts as the fixture account when auth is off', () => {
    expect(iotAuth.anonymous.account).toBe(creds[0]!.principal.account);
  });
});
