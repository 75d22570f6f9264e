import { describe, expect, it } from 'vitest';
import { createRandom } from '../../state/random.js';
import { arnOf, newResourceId, parseArn } from './ids.js';

/** AWS's job id pattern (API_CreateJob.html). */
const JOB_ID = /^[a-zA-Z0-9_-]{1,64}$/;

describe('iot: ids and ARNs', () => {
  const scope = { account: '123456789012', region: 'eu-central-1' };

  it('forms and parses ARNs as AWS does', () => {
    expect(arnOf(scope, 'job', 'abc_1')).toBe('arn:aws:iot:eu-central-1:123456789012:job/abc_1');
    expect(arnOf(scope, 'jobtemplate', 't')).toBe('arn:aws:iot:eu-central-1:123456789012:jobtemplate/t');
    expect(parseArn(arnOf(scope, 'thinggroup', 'a:b'))).toEqual({ ...scope, type: 'thinggroup', name: 'a:b' });
    expect(parseArn('arn:aws:s3:::bucket')).toBeUndefined();
    expect(parseArn('arn:aws:iot:us-east-1:1234:job/x')).toBeUndefined();
  });

  it('generates UUID job ids that fit the job id pattern, the same for the same seed', () => {
    const a = newResourceId(createRandom(7));
    expect(a).toMatch(JOB_ID);
    expect(newResourceId(createRandom(7))).toBe(a);
  });
});
