// The rollout client's suite: the app talks to what it thinks is AWS; jobs-kit answers through
// msw/node with the stateful IoT mock, and the virtual clock stands in for the wait.
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupJobsKit } from 'jobs-kit/node';
import { toMatchApiSpec } from 'jobs-kit/vitest';
import { createRolloutClient, RolloutError } from './rollout-client.js';

expect.extend({ toMatchApiSpec });

const AWS = 'https://iot.us-east-1.amazonaws.com';
const kit = setupJobsKit({ serviceUrls: { iot: AWS } });
// The mock's development credentials for IoT: SigV4 headers of IAM user alice (account 123456789012).
const alice = kit.engine.module('iot').auth.devCredentials()[0]!.headers;
const client = createRolloutClient({ baseUrl: AWS, headers: alice });
const thing = (name: string) => `arn:aws:iot:us-east-1:123456789012:thing/${name}`;

beforeAll(() => kit.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => kit.reset());
afterAll(() => kit.server.close());

describe('rollout client', () => {
  it('starts a rollout: the job is IN_PROGRESS with one queued execution per thing', async () => {
    const jobId = await client.start([thing('thermostat-lobby-01'), thing('thermostat-lobby-02')], '2.4.1');
    const rollout = await client.get(jobId);
    expect(rollout.status).toBe('IN_PROGRESS');
    expect(rollout.counts['numberOfQueuedThings']).toBe(2);
  });

  it('waits for the devices to finish, on the virtual clock', async () => {
    const targets = ['thermostat-lobby-01', 'thermostat-lobby-02', 'thermostat-lobby-03'].map(thing);
    const jobId = await client.start(targets, '2.4.1');
    // Each poll advances the mock's clock instead of sleeping: hours of rollout take milliseconds.
    const done = await client.waitUntilDone(jobId, { pollMs: 60_000, sleep: async (ms) => void kit.advance(ms) });
    expect(done.status).toBe('COMPLETED');
    const finished = ['numberOfSucceededThings', 'numberOfFailedThings', 'numberOfRejectedThings', 'numberOfTimedOutThings'].reduce((n, key) => n + (done.counts[key] ?? 0), 0);
    expect(finished).toBe(targets.length);
  });

  it('surfaces the API error for a thing that does not exist', async () => {
    const error = await client.start([thing('no-such-thing')], '2.4.1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RolloutError);
    expect(error).toMatchObject({ status: 404, code: 'ResourceNotFoundException' });
  });

  it('reads responses that match the IoT spec', async () => {
    const jobId = await client.start([thing('thermostat-lobby-01')], '2.4.1');
    const response = await fetch(`${AWS}/jobs/${jobId}`, { headers: alice });
    // The operation (describeJob) is found from the method and the response's URL; a Fetch Response does not carry its method.
    await expect(response).toMatchApiSpec({ api: 'iot', method: 'GET' });
    // A body the app might be tempted to fake breaks the spec, and the matcher says so.
    const fake = { status: 200, method: 'GET', url: `${AWS}/jobs/${jobId}`, headers: { 'content-type': 'application/json' }, body: { job: { jobId, status: 'DONE' } } };
    await expect(fake).not.toMatchApiSpec({ api: 'iot' });
  });

  it('reports an outage (an MSW override on top of the mock)', async () => {
    kit.server.use(http.get(`${AWS}/jobs/:jobId`, () => HttpResponse.json({ error: 'try later', code: 'ServiceUnavailableException' }, { status: 503 })));
    await expect(client.get('anything')).rejects.toMatchObject({ status: 503, code: 'ServiceUnavailableException' });
  });
});
