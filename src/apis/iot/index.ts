/**
 * iot: the AWS IoT Jobs control plane behind the seed's REST facade (specs/iot.openapi.yaml,
 * docs/apis/iot.md). Jobs fan out to executions on a simulated device fleet that moves on the
 * virtual clock; everything is scoped to an AWS account and region, as in AWS.
 */
import { ApiError } from '../../core/api-error.js';
import { defineApi } from '../../core/api-module.js';
import spec from '../../generated/iot.spec.js';
import validators from '../../generated/iot.validators.js';
import { iotAuth } from './auth.js';
import { iotJobCapacity } from './capacity.js';
import { iotErrors } from './errors.js';
import { advanceFleet } from './fleet.js';
import { handlers } from './handlers.js';
import { storeViolations } from './invariants.js';
import { parseRecords } from './record-schemas.js';
import { loadRecords } from './records.js';
import { snapshotStore } from './snapshot.js';
import { createIotStore, type IotStore } from './store.js';
import { adminView } from './admin-view.js';

export default defineApi<IotStore>({
  name: 'iot',
  title: 'AWS IoT Jobs',
  spec,
  validators,
  mediaType: 'application/json',
  errors: iotErrors,
  auth: iotAuth,
  createStore: createIotStore,
  advance: advanceFleet,
  handlers,
  snapshot: (store) => snapshotStore(store, store.clock.now()),
  seed(store, data, { clock }) {
    const records = parseRecords(data);
    if (typeof records === 'string') return new ApiError('validation_failed', records);
    const loaded = loadRecords(store, records, clock.now());
    return typeof loaded === 'number' ? { loaded } : new ApiError('validation_failed', loaded);
  },
  invariants: storeViolations,
  jobCapacity: iotJobCapacity,
  adminView,
});
