import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngineFromModules } from '../../engine/engine.js';
import iot from './index.js';
import type { IotStore } from './store.js';

const alice = iot.auth.devCredentials()[0]!;
const THINGS = ['thermostat-lobby-01', 'thermostat-lobby-02', 'warehouse-sensor-01', 'dock-camera-01'];
const JOBS = ['firmware-rollout-2025-01', 'config-sync-continuous', 'cert-rotation-2024-12', 'w1', 'w2', 'w3'];
const arn = (type: string, name: string) => `arn:aws:iot:us-east-1:123456789012:${type}/${name}`;

/** One step of a workload: a request (any outcome is fine but a 5xx) or the clock moving. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('create'), id: fc.constantFrom('w1', 'w2', 'w3'), continuous: fc.boolean(), timeout: fc.option(fc.integer({ min: 1, max: 20 })), retries: fc.integer({ min: 0, max: 2 }), group: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('cancel', 'force-cancel', 'delete', 'force-delete'), id: fc.constantFrom(...JOBS) }),
  fc.record({ kind: fc.constantFrom('cancel-execution', 'force-cancel-execution', 'delete-execution', 'force-delete-execution'), id: fc.constantFrom(...JOBS), thing: fc.constantFrom(...THINGS) }),
  fc.record({ kind: fc.constant('associate'), id: fc.constantFrom(...JOBS) }),
  fc.record({ kind: fc.constant('advance'), ms: fc.integer({ min: 1, max: 3 * 3_600_000 }) }),
);

describe('iot: store invariants', () => {
  it('hold on the fixtures', () => {
    const engine = createEngineFromModules([iot]);
    expect(iot.invariants!(engine.store('iot') as IotStore)).toEqual([]);
  });

  it('hold after any sequence of creates, cancels, deletes, associations and clock moves', () => {
    const engine = createEngineFromModules([iot], { validateResponses: 'throw', onError: () => {} });
    const send = (method: string, path: string, body?: unknown) => {
      const [p, q = ''] = path.split('?') as [string, string?];
      return engine.handleSync('iot', { method, path: p, rawQuery: q, headers: { ...alice.headers, 'content-type': 'application/json' }, bodyText: body === undefined ? undefined : JSON.stringify(body) });
    };
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        engine.reset();
        for (const s of steps) {
          let status = 200;
          if (s.kind === 'advance') engine.advance(s.ms);
          else if (s.kind === 'create') {
            const targets = s.group ? [arn('thinggroup', 'lobby-thermostats')] : [arn('thing', 'dock-camera-01'), arn('thing', 'warehouse-sensor-01')];
            status = send('POST', '/jobs', { jobId: s.id, targets, document: '{}', targetSelection: s.continuous ? 'CONTINUOUS' : 'SNAPSHOT', ...(s.timeout ? { timeoutConfig: { inProgressTimeoutInMinutes: s.timeout } } : {}), jobExecutionsRetryConfig: { criteriaList: [{ failureType: 'ALL', numberOfRetries: s.retries }] } }).status;
          } else if (s.kind === 'associate') status = send('PUT', `/jobs/${s.id}/associate`, { targets: [arn('thinggroup', 'loading-dock-cameras')] }).status;
          else if ('thing' in s) {
            const force = s.kind.startsWith('force') ? '?force=true' : '';
            status = (s.kind.endsWith('cancel-execution') ? send('PUT', `/jobs/${s.id}/things/${s.thing}/cancel${force}`, {}) : send('DELETE', `/jobs/${s.id}/things/${s.thing}${force}`)).status;
          } else {
            const force = s.kind.startsWith('force') ? '?force=true' : '';
            status = (s.kind.endsWith('cancel') ? send('PUT', `/jobs/${s.id}/cancel${force}`, {}) : send('DELETE', `/jobs/${s.id}${force}`)).status;
          }
          expect(status).toBeLessThan(500);
          expect(iot.invariants!(engine.store('iot') as IotStore)).toEqual([]);
        }
        expect(engine.violations).toEqual([]);
      }),
      { numRuns: 60, seed: 20250101 },
    );
  });

  it('reports counts that drift from the executions', () => {
    const engine = createEngineFromModules([iot]);
    const store = engine.store('iot') as IotStore;
    const job = [...store.scopes.values()][0]!.jobs.get('firmware-rollout-2025-01')!;
    job.counts.SUCCEEDED++;
    expect(iot.invariants!(store)).toEqual([expect.stringContaining('counts say 2 SUCCEEDED, executions say 1')]);
  });
});
