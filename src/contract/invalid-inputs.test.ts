import { describe, expect, it } from 'vitest';
import { indexSpec } from '../spec/spec-index.js';
import { compileApiValidators } from '../validation/compile-api-validators.js';
import { tinyContractSpec } from '../../test/contract/tiny-contract-spec.js';
import { invalidBodies, invalidParams } from './invalid-inputs.js';

const validators = compileApiValidators(indexSpec('tiny', tinyContractSpec));

describe('contract: invalid inputs derived from the spec', () => {
  it('derives a missing required field, a wrong type and an unknown enum from the success body', () => {
    const bodies = invalidBodies(tinyContractSpec, validators.get('createJob')!);
    expect(bodies.map((b) => b.label)).toEqual(['missing-required /name', 'wrong-type /name', 'unknown-enum /priority']);
    expect(bodies[2]!.value).toEqual({ name: 'Release build', priority: 'NOT_A_DOCUMENTED_VALUE', retries: 1 });
  });
  it('keeps only mutations the spec itself refuses', () => {
    // updateJob has no required field: only the wrong type is certain to be invalid.
    expect(invalidBodies(tinyContractSpec, validators.get('updateJob')!).map((b) => b.label)).toEqual(['wrong-type /name']);
  });
  it('breaks form bodies too, and leaves bodies of other media types alone', () => {
    const form = structuredClone(tinyContractSpec) as typeof tinyContractSpec & { paths: Record<string, any> };
    const create = form.paths['/jobs'].post;
    const json = create.requestBody.content['application/json'];
    create.requestBody.content = { 'application/x-www-form-urlencoded': json };
    const formValidators = compileApiValidators(indexSpec('tiny', form));
    const labels = invalidBodies(form, formValidators.get('createJob')!).map((b) => b.label);
    expect(labels).toContain('missing-required /name');
    expect(labels).toContain('unknown-enum /priority');
    create.requestBody.content = { 'text/plain': { schema: { type: 'string' }, examples: { success: { value: 'build' } } } };
    expect(invalidBodies(form, compileApiValidators(indexSpec('tiny', form)).get('createJob')!)).toEqual([]);
  });
  it('finds a refused value for each breakable parameter', () => {
    const params = invalidParams(tinyContractSpec, validators.get('listJobs')!, { path: {}, query: [] });
    expect(params.map((p) => [p.param.name, p.value])).toEqual([['limit', 'not-a-number'], ['pageToken', '']]);
    const path = invalidParams(tinyContractSpec, validators.get('getJob')!, { path: { jobId: 'j0001' }, query: [] });
    expect(path.map((p) => p.value)).toEqual(['!!not-matching!!']);
  });
});
