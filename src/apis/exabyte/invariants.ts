import { jobProblems } from './job-checks.js';
import { isInFlight } from './lifecycle.js';
import { isMeteorId } from './ids.js';
import type { ExabyteStore } from './store.js';

/** Violated invariants: bad jobs, and in-flight jobs without exactly one pending step (or steps for nothing). */
export function invariants(store: ExabyteStore): string[] {
  const problems: string[] = [];
  const pending = new Map<string, number>();
  for (const { event } of store.scheduler.pending()) pending.set(event.jobId, (pending.get(event.jobId) ?? 0) + 1);
  for (const job of store.jobs.values()) {
    if (!isMeteorId(job._id)) problems.push(`job ${job._id}: id is not a 17-character Meteor id`);
    problems.push(...jobProblems(job));
    const steps = pending.get(job._id) ?? 0;
    if (isInFlight(job.status) && steps !== 1) problems.push(`job ${job._id}: ${job.status} with ${steps} pending steps (expected 1)`);
    if (!isInFlight(job.status) && steps !== 0) problems.push(`job ${job._id}: ${job.status} but ${steps} pending steps`);
    pending.delete(job._id);
  }
  for (const id of pending.keys()) problems.push(`pending steps for job ${id}, which is not stored`);
  return problems;
}
