import { defineApi } from '../../core/api-module.js';
import spec from '../../generated/contenthub.spec.js';
import validators from '../../generated/contenthub.validators.js';
import { auth } from './auth.js';
import { evictOldestJobs, recordCount } from './entities.js';
import { errors } from './errors.js';
import { handlers } from './handlers.js';
import { invariants } from './invariants.js';
import { advance } from './lifecycle.js';
import { seed } from './seed.js';
import { snapshot } from './snapshot.js';
import { createStore, type ContentHubStore } from './store.js';
import { adminView } from './admin-view.js';

/** Sitecore Content Hub Jobs API v2.0: job targets (M.Target) and the job description (M.JobDescription). */
export default defineApi<ContentHubStore>({
  name: 'contenthub',
  title: 'Sitecore Content Hub Jobs API',
  spec,
  validators,
  mediaType: 'application/json',
  errors,
  auth,
  createStore,
  advance,
  handlers,
  snapshot,
  seed,
  invariants,
  jobCapacity: { count: recordCount, evictOldest: evictOldestJobs },
  adminView,
});
