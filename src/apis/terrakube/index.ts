/**
 * Terrakube jobs, as the Terrakube API's Elide JSON:API layer serves them (seed 004).
 * See specs/terrakube.openapi.yaml and docs/apis/terrakube.md.
 */
import { defineApi } from '../../core/api-module.js';
import spec from '../../generated/terrakube.spec.js';
import validators from '../../generated/terrakube.validators.js';
import { invariants, seed, snapshot } from './admin.js';
import { auth } from './auth.js';
import { errors } from './errors.js';
import { handlers } from './handlers.js';
import { advance, evictOldestJobs } from './lifecycle.js';
import { createStore, type TerrakubeStore } from './store.js';
import { adminView } from './admin-view.js';

export default defineApi<TerrakubeStore>({
  name: 'terrakube',
  title: 'Terrakube API (jobs)',
  spec,
  validators,
  mediaType: 'application/vnd.api+json',
  errors,
  auth,
  createStore,
  advance,
  handlers,
  snapshot,
  seed,
  invariants,
  jobCapacity: { count: (store) => store.jobs.size, evictOldest: evictOldestJobs },
  adminView,
});
