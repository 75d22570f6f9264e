import { defineApi } from '../../core/api-module.js';
import spec from '../../generated/alteryx.spec.js';
import validators from '../../generated/alteryx.validators.js';
import { invariants, seed, snapshot } from './admin.js';
import { auth } from './auth.js';
import { errors } from './errors.js';
import { handlers } from './handlers.js';
import { advanceJobs } from './lifecycle.js';
import { createStore, evictOldestJobs, type AlteryxStore } from './store.js';
import { adminView } from './admin-view.js';

/** Alteryx Server API V3: job details and messages, a workflow's jobs, enqueueing, OAuth2 tokens. */
export default defineApi<AlteryxStore>({
  name: 'alteryx',
  title: 'Alteryx Server API V3 (jobs)',
  spec,
  validators,
  mediaType: 'application/json',
  errors,
  auth,
  createStore,
  advance: advanceJobs,
  handlers,
  snapshot,
  seed,
  invariants,
  jobCapacity: { count: (store) => store.jobs.size, evictOldest: evictOldestJobs },
  adminView,
});
