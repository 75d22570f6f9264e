import { describe, expect, it } from 'vitest';
import { createEngineFromModules } from '../../engine/engine.js';
import iot from './index.js';
import type { IotStore } from './store.js';

const alice = iot.auth.devCredentials()[0]!;
const engine = createEngineFromModules([iot], { validateResponses: 'throw' });
const send = (method: string, path: string, bodyText?: string) =>
  engine.handleSync('iot', { method, path, rawQuery: '', headers: { ...alice.headers, 'content-type': 'application/json' }, bodyText });

describe('iot: handlers and caller-supplied keys', () => {
  it('keeps a `__proto__` status-details key as data, without touching Object.prototype', () => {
    engine.reset();
    const res = send('PUT', '/jobs/firmware-rollout-2025-01/things/thermostat-lobby-03/cancel', '{"statusDetails":{"__proto__":"polluted","reason":"x"}}');
    expect(res.status).toBe(200);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const described = send('GET', '/jobs/firmware-rollout-2025-01/things/thermostat-lobby-03');
    expect(described.bodyText).toContain('"__proto__":"polluted"');
    expect(Object.getPrototypeOf(Object.prototype)).toBeNull();
    expect(engine.violations).toEqual([]);
  });

  it('refuses more than 10 status details in all (statusDetails plus the seed members)', () => {
    engine.reset();
    const details = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'v']));
    const res = send('PUT', '/jobs/firmware-rollout-2025-01/things/thermostat-lobby-03/cancel', JSON.stringify({ statusDetails: details, action: 'stop' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'InvalidRequestException' });
  });

  it('completes a SNAPSHOT job at once when its target group has no members', () => {
    engine.reset();
    const seeded = iot.seed(engine.store('iot') as IotStore, { thingGroups: [{ thingGroupName: 'empty', thingGroupArn: 'arn:aws:iot:us-east-1:123456789012:thinggroup/empty', thingGroupId: 'e1', things: [] }] }, { clock: engine.clock, random: engine.randomFor('iot') });
    expect(seeded).toEqual({ loaded: 1 });
    expect(send('POST', '/jobs', JSON.stringify({ jobId: 'nobody', targets: ['arn:aws:iot:us-east-1:123456789012:thinggroup/empty'], document: '{}' })).status).toBe(200);
    expect(send('GET', '/jobs/nobody').body).toMatchObject({ job: { status: 'COMPLETED', jobProcessDetails: { processingTargets: [] } } });
  });
});
