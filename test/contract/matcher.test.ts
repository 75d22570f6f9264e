import { describe, expect, it } from 'vitest';
import { validateResponse } from '../../src/contract/validate-response.js';
import { toMatchApiSpec } from '../../src/vitest.js';
import { tinyContractApi } from './tiny-contract-api.js';
import { tinyContractSpec } from './tiny-contract-spec.js';
import { mockTarget } from './mock-target.js';

expect.extend({ toMatchApiSpec });

const job = { id: 'j0001', name: 'Nightly build', priority: 'LOW', status: 'QUEUED', createdAt: '2025-01-01T00:00:00.000Z', owner: 'alice' };
const jsonHeaders = { 'Content-Type': 'application/json' };

describe('validateResponse', () => {
  it('returns no diagnostics for a conforming response', () => {
    expect(validateResponse({ api: tinyContractApi, operationId: 'getJob', status: 200, headers: jsonHeaders, body: job })).toEqual([]);
  });
  it('locates a missing field, an undocumented status and a wrong content type', () => {
    const { owner: _owner, ...noOwner } = job;
    expect(validateResponse({ api: tinyContractApi, operationId: 'getJob', status: 200, headers: jsonHeaders, body: noOwner })).toEqual([{ location: 'response', path: '/owner', keyword: 'required', message: 'is required' }]);
    expect(validateResponse({ api: tinyContractApi, operationId: 'getJob', status: 418, headers: jsonHeaders, body: job })[0]).toMatchObject({ location: 'status' });
    expect(validateResponse({ api: tinyContractApi, operationId: 'getJob', status: 200, headers: new Headers({ 'content-type': 'text/html' }), body: job })[0]).toMatchObject({ location: 'content-type' });
  });
  it('checks required response headers', () => {
    expect(validateResponse({ api: tinyContractSpec, operationId: 'createJob', status: 201, headers: jsonHeaders, body: job })).toEqual([{ location: 'header', path: 'location', keyword: 'required', message: 'documented response header is missing' }]);
  });
  it('works on a built-in API by name', () => {
    expect(validateResponse({ api: 'alteryx', operationId: 'jobsGetJobV3', status: 200, headers: jsonHeaders, body: { id: 42 } }).length).toBeGreaterThan(0);
  });
  it('throws a kit error for an unknown operation', () => {
    expect(() => validateResponse({ api: tinyContractApi, operationId: 'nope', status: 200 })).toThrow(/tiny has no operation "nope"/);
  });
});

describe('toMatchApiSpec', () => {
  it('passes a real response from the mock, finding the operation from the URL', async () => {
    const { fetch } = mockTarget(tinyContractApi);
    const res = await fetch('http://jobs-kit.local/tiny/v1/jobs/j0001', { headers: { authorization: 'Bearer token-alice' } });
    await expect(res).toMatchApiSpec({ api: tinyContractApi, url: 'http://jobs-kit.local/tiny/v1/jobs/j0001', method: 'GET' });
    expect(await res.json()).toMatchObject({ id: 'j0001' });
  });
  it('reads a plain response object with method and url', async () => {
    await expect({ status: 200, headers: jsonHeaders, body: job, method: 'GET', url: '/v1/jobs/j0001' }).toMatchApiSpec({ api: tinyContractApi });
    await expect({ status: 200, headers: jsonHeaders, body: { ...job, status: 'DONE' }, method: 'GET', url: '/v1/jobs/j0001' }).not.toMatchApiSpec({ api: tinyContractApi });
  });
  it('fails with a readable message naming the operation and the finding', async () => {
    const res = new Response(JSON.stringify({ ...job, createdAt: 'yesterday' }), { status: 200, headers: jsonHeaders });
    await expect(expect(res).toMatchApiSpec({ api: tinyContractApi, operationId: 'getJob' })).rejects.toThrow(
      'expected the 200 response of tiny getJob (GET /jobs/{jobId}) to match the spec:\n  - response /createdAt: must match format "date-time" (format)',
    );
  });
  it('asks for the body when the response was already read', async () => {
    const res = new Response(JSON.stringify(job), { status: 200, headers: jsonHeaders });
    const body = await res.json();
    await expect(expect(res).toMatchApiSpec({ api: tinyContractApi, operationId: 'getJob' })).rejects.toThrow(/already read: pass it as toMatchApiSpec\(\{ api, body \}\)/);
    await expect(res).toMatchApiSpec({ api: tinyContractApi, operationId: 'getJob', body });
  });
  it('asks for the method when the path names several operations', async () => {
    const res = new Response(null, { status: 204 });
    await expect(expect(res).toMatchApiSpec({ api: tinyContractApi, url: 'http://h/tiny/v1/jobs/j0001' })).rejects.toThrow(/matches GET \(getJob\), DELETE \(deleteJob\), PATCH \(updateJob\): pass \{ method \}/);
    await expect(res).toMatchApiSpec({ api: tinyContractApi, url: 'http://h/tiny/v1/jobs/j0001', method: 'DELETE' });
  });
});
