import type { ValidateFunction } from 'ajv';
import { ApiError } from '../../core/api-error.js';
import { formatDiagnostic } from '../../core/diagnostic.js';
import spec from '../../generated/exabyte.spec.js';
import type { Clock } from '../../state/clock.js';
import { createAjvPair } from '../../validation/create-ajv.js';
import { toDiagnostics } from '../../validation/to-diagnostics.js';
import { jobProblems } from './job-checks.js';
import type { Job } from './lifecycle.js';
import { isPlainObject } from './mongo-query.js';
import { putJob, type ExabyteStore } from './store.js';

let validateJob: ValidateFunction | undefined;

/** The spec's `Job` schema, compiled on first use (admin seeding is rare). */
function jobValidator(): ValidateFunction {
  validateJob ??= createAjvPair('exabyte', spec).exact.getSchema('urn:jobs-kit:exabyte:schemas:Job');
  if (!validateJob) throw new Error('the exabyte spec has no Job schema');
  return validateJob;
}

const refuse = (message: string) => new ApiError('validation_failed', `exabyte seed: ${message}`);

/**
 * Loads jobs posted to `/__admin/seed`: `{ "jobs": [Job, ...] }` or a bare array, each a job as the
 * API answers it. A job whose id exists replaces it; in-flight jobs start moving from now.
 */
export function seedStore(store: ExabyteStore, data: unknown, clock: Clock): { loaded: number } | ApiError {
  const items = Array.isArray(data) ? data : isPlainObject(data) && Array.isArray(data.jobs) ? data.jobs : undefined;
  if (!items) return refuse('send { "jobs": [ ... ] } or an array of jobs');
  const validate = jobValidator();
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (!validate(item)) return refuse(`jobs[${i}]: ${toDiagnostics('body', validate.errors).slice(0, 3).map(formatDiagnostic).join('; ')}`);
    const job = item as Job;
    const problems = jobProblems(job);
    if (problems.length > 0) return refuse(`jobs[${i}]: ${problems.join('; ')}`);
    if (seen.has(job._id)) return refuse(`jobs[${i}]: id ${job._id} appears twice`);
    seen.add(job._id);
  }
  for (const item of items) putJob(store, structuredClone(item as Job), clock.now());
  return { loaded: items.length };
}
