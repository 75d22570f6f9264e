import { canFollow, type Job } from './lifecycle.js';
import { findUser } from './users.js';

/**
 * What a stored job must satisfy beyond its schema: a known owner account, and a `statusTrack` that
 * starts at `pre-submission`, only takes lifecycle steps, never goes back in time, and ends in the
 * job's current status. Used by `/__admin/seed` (refuse) and `invariants` (report).
 */
export function jobProblems(job: Job): string[] {
  const problems: string[] = [];
  const where = `job ${job._id}`;
  if (!findUser(job.owner._id)) problems.push(`${where}: owner ${job.owner._id} is not an account of this mock`);
  if (job.status === 'deleted') problems.push(`${where}: status "deleted" is never stored (DELETE removes the job)`);
  const track = job.statusTrack;
  if (track.length === 0) return [...problems, `${where}: statusTrack is empty`];
  if (track[0]!.status !== 'pre-submission') problems.push(`${where}: statusTrack starts at ${track[0]!.status}, not pre-submission`);
  for (let i = 1; i < track.length; i++) {
    const [before, after] = [track[i - 1]!, track[i]!];
    if (!canFollow(before.status, after.status)) problems.push(`${where}: statusTrack goes ${before.status} → ${after.status}`);
    if (after.trackedAt < before.trackedAt) problems.push(`${where}: statusTrack goes back in time at entry ${i}`);
  }
  if (track.at(-1)!.status !== job.status) problems.push(`${where}: status ${job.status} but statusTrack ends at ${track.at(-1)!.status}`);
  return problems;
}
