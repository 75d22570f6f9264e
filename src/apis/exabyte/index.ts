import { defineApi } from '../../core/api-module.js';
import spec from '../../generated/exabyte.spec.js';
import validators from '../../generated/exabyte.validators.js';
import { auth } from './auth.js';
import { errors } from './errors.js';
import { handlers } from './handlers.js';
import { invariants } from './invariants.js';
import { seedStore } from './seed.js';
import { advanceStore, createStore, evictOldestJobs, snapshot, type ExabyteStore } from './store.js';
import { adminView } from './admin-view.js';

/** Exabyte.io / Mat3ra jobs API: JSend envelopes, X-Auth-Token + X-Account-Id, Meteor ids, ESSE jobs. */
export default defineApi<ExabyteStore>({
  name: 'exabyte',
  title: 'Exabyte.io (Mat3ra) Jobs API',
  spec,
  validators,
  mediaType: 'application/json',
  errors,
  auth,
  createStore,
  advance: advanceStore,
  handlers,
  snapshot,
  seed: (store, data, { clock }) => seedStore(store, data, clock),
  invariants,
  jobCapacity: { count: (store) => store.jobs.size, evictOldest: evictOldestJobs },
  adminView,
});
