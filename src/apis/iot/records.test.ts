import { describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import iot from './index.js';
import type { IotSnapshot } from './snapshot.js';
import { createIotStore, loadFixtures } from './store.js';

const context = () => ({ clock: createClock(), random: createRandom(3) });
const fresh = (fixtures: boolean) => createIotStore({ random: createRandom(1), clock: createClock(), fixtures });
const ARN = 'arn:aws:iot:eu-west-1:123456789012';
const seedData = () => ({
  things: [{ thingName: 'pump-1', thingArn: `${ARN}:thing/pump-1` }, { thingName: 'pump-2', thingArn: `${ARN}:thing/pump-2` }],
  thingGroups: [{ thingGroupName: 'pumps', thingGroupArn: `${ARN}:thinggroup/pumps`, thingGroupId: 'a1b2c3', things: ['pump-1', 'pump-2'] }],
  jobs: [{
    jobArn: `${ARN}:job/flush`, jobId: 'flush', targetSelection: 'SNAPSHOT', status: 'IN_PROGRESS', targets: [`${ARN}:thinggroup/pumps`], createdAt: 1735680000, lastUpdatedAt: 1735680000,
    jobProcessDetails: { processingTargets: [], numberOfCanceledThings: 0, numberOfSucceededThings: 0, numberOfFailedThings: 0, numberOfRejectedThings: 0, numberOfQueuedThings: 2, numberOfInProgressThings: 0, numberOfRemovedThings: 0, numberOfTimedOutThings: 0 },
  }],
  jobDocuments: [{ jobArn: `${ARN}:job/flush`, document: '{"operation":"flush"}' }],
  jobExecutions: ['pump-1', 'pump-2'].map((t) => ({ jobId: 'flush', status: 'QUEUED', thingArn: `${ARN}:thing/${t}`, queuedAt: 1735680000, lastUpdatedAt: 1735680000, executionNumber: 1, versionNumber: 1 })),
});

describe('iot: /__admin/seed and /__admin/state', () => {
  it('loads API-shaped records into their account and region, and the fleet runs them', () => {
    const store = fresh(false);
    expect(iot.seed(store, seedData(), context())).toEqual({ loaded: 6 });
    const scope = store.scopes.get('123456789012:eu-west-1')!;
    expect(scope.jobs.get('flush')!.counts.QUEUED).toBe(2);
    iot.advance(store, store.clock.now() + 10 * 3_600_000);
    expect(scope.jobs.get('flush')!.status).toBe('COMPLETED');
    expect(iot.invariants!(store)).toEqual([]);
  });

  it('refuses data that breaks the schema, dangles, duplicates or breaks the lifecycle, loading nothing', () => {
    const store = fresh(false);
    const refuse = (data: unknown, message: RegExp) => {
      const result = iot.seed(store, data, context());
      expect(isApiError(result) && result.code).toBe('validation_failed');
      expect(isApiError(result) && result.message).toMatch(message);
      expect(store.scopes.size).toBe(0);
    };
    refuse([], /must be an object/);
    refuse({ widgets: [] }, /unknown iot record list "widgets"/);
    refuse({ jobs: [{ jobId: 'x' }] }, /jobs\[0\]/);
    const noDocument = seedData();
    noDocument.jobDocuments = [];
    refuse(noDocument, /no document/);
    const dangling = seedData();
    dangling.thingGroups[0]!.things.push('pump-9');
    refuse(dangling, /pump-9 is not registered/);
    const completedButQueued = seedData();
    completedButQueued.jobs[0]!.status = 'COMPLETED';
    refuse(completedButQueued, /COMPLETED with 2 open executions/);
    expect(iot.seed(store, seedData(), context())).toEqual({ loaded: 6 });
    const again = iot.seed(store, { things: seedData().things }, context());
    expect(isApiError(again) && again.message).toMatch(/registered twice/);
  });

  it('gives a snapshot that loads back into an empty store as the same state', () => {
    const store = fresh(true);
    const snapshot = iot.snapshot(store) as IotSnapshot;
    expect(snapshot.pendingEvents).toBeGreaterThan(0);
    const copy = fresh(false);
    for (const { account: _a, region: _r, ...records } of snapshot.scopes) {
      const loaded = iot.seed(copy, records, context());
      expect(isApiError(loaded), JSON.stringify(loaded)).toBe(false);
    }
    expect((iot.snapshot(copy) as IotSnapshot).scopes).toEqual(snapshot.scopes);
  });

  it('loads the committed fixtures through the same path', () => {
    const records = loadFixtures();
    expect(records.jobs!.length).toBe(36);
    expect(iot.invariants!(fresh(true))).toEqual([]);
  });
});
