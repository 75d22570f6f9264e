import { describe, expect, it } from 'vitest';
import { indexSpec } from '../spec/spec-index.js';
import { tinyContractSpec } from '../../test/contract/tiny-contract-spec.js';
import { buildRequest, examplePairs, serialiseBody } from './build-request.js';

const index = indexSpec('tiny', tinyContractSpec);
const auth = { authorization: 'Bearer token-alice' };

describe('contract: requests from named examples', () => {
  it('pairs request-side example names with the response that carries the same name', () => {
    expect(examplePairs(index.get('cancelJob'))).toEqual([
      { name: 'success', status: 200 },
      { name: 'conflict', status: 409 },
      { name: 'notFound', status: 404 },
    ]);
  });
  it('adds the success case of an operation without request examples, and the 204 of a bodiless success', () => {
    expect(examplePairs(index.get('listEvents'))).toEqual([{ name: 'success', status: 200 }]);
    expect(examplePairs(index.get('deleteJob'))).toContainEqual({ name: 'success', status: 204 });
  });
  it('pairs a request example no response names with the one body-less 2xx, and reports it when there is none', () => {
    const withBody = { ...index.get('updateJob'), requestBody: { content: { 'application/json': { examples: { rename: { value: { priority: 'LOW' } } } } } } };
    const bodiless = { ...withBody, responses: { ...withBody.responses, '204': { description: 'updated' } } };
    expect(examplePairs(bodiless)).toContainEqual({ name: 'rename', status: 204 });
    const withoutBodiless = { ...withBody, responses: Object.fromEntries(Object.entries(withBody.responses).filter(([s]) => s !== '204')) };
    expect(examplePairs(withoutBodiless)).toContainEqual({ name: 'rename', status: undefined });
  });
  it('fills path, query and body from the example of that name, falling back to success', () => {
    const built = buildRequest(tinyContractSpec, index.get('updateJob'), 'notFound', auth);
    expect(built).toMatchObject({ ok: true, request: { method: 'PATCH', path: '/jobs/j9999', body: { mediaType: 'application/json', text: '{"priority":"HIGH"}' } } });
    const listed = buildRequest(tinyContractSpec, index.get('listJobs'), 'notFound', auth);
    expect(listed.ok && listed.request.query).toEqual([['limit', '3']]);
  });
  it('encodes form bodies as OpenAPI does by default: an array field repeats its key', () => {
    expect(serialiseBody('application/x-www-form-urlencoded', { scope: ['read', 'write'], user: 'a b', n: 2 })).toBe('scope=read&scope=write&user=a+b&n=2');
  });
  it('lets overrides win over examples and keeps the credentials', () => {
    const built = buildRequest(tinyContractSpec, index.get('getJob'), 'success', auth, { path: { jobId: 'j0042' } });
    expect(built).toMatchObject({ ok: true, request: { path: '/jobs/j0042', headers: auth } });
  });
  it('cannot build a request whose required path parameter has no example', () => {
    const op = { ...index.get('getJob'), parameters: [{ name: 'jobId', in: 'path' as const, required: true, schema: { type: 'string' } }] };
    expect(buildRequest(tinyContractSpec, op, 'success', auth)).toEqual({ ok: false, reason: 'required path parameter "jobId" has no example' });
  });
});
