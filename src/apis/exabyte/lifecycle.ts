import type { components } from '../../generated/exabyte.js';
import type { Random } from '../../state/random.js';

export type Job = components['schemas']['Job'];
export type JobStatus = components['schemas']['JobStatus'];

/** A future status change of one job, applied when the clock reaches it. */
export interface JobEvent {
  jobId: string;
  status: JobStatus;
}

/**
 * Which status may follow which (ESSE `job/base.json` statuses as the platform moves them): the user
 * submits, the resource manager queues and starts the job, which ends `finished`, `error` or
 * `timeout`; a termination goes through `terminate-queued`. `deleted` is never entered (DELETE removes).
 */
export const TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  'pre-submission': ['submitted'],
  submitted: ['queued', 'terminate-queued', 'error'],
  queued: ['active', 'terminate-queued', 'error'],
  active: ['finished', 'error', 'timeout', 'terminate-queued'],
  'terminate-queued': ['terminated'],
  finished: [],
  error: [],
  timeout: [],
  terminated: [],
  deleted: [],
};

/** Statuses the clock still moves (each has exactly one pending event). */
export function isInFlight(status: JobStatus): boolean {
  return status === 'submitted' || status === 'queued' || status === 'active' || status === 'terminate-queued';
}

export function canFollow(from: JobStatus, to: JobStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** How one job's run goes: drawn from a stream forked by job id, so it does not depend on request order. */
export interface RunPlan {
  queueAfterMs: number;
  startAfterMs: number;
  runMs: number;
  /** Whether the run fails, and how far into it (0..1). */
  fails: boolean;
  failAt: number;
  terminateAfterMs: number;
  /** The resource manager's job number (`compute.cluster.jid` is `<number>.<fqdn>`). */
  rmsNumber: number;
  errorIndex: number;
}

export function planRun(random: Random, jobId: string): RunPlan {
  const r = random.fork(`run:${jobId}`);
  return {
    queueAfterMs: r.int(2_000, 10_000),
    startAfterMs: r.int(10_000, 120_000),
    runMs: r.int(60_000, 4_500_000),
    fails: r.chance(0.1),
    failAt: r.int(20, 80) / 100,
    terminateAfterMs: r.int(5_000, 30_000),
    rmsNumber: r.int(1_000, 99_999),
    errorIndex: r.int(0, 1_000),
  };
}

/** `hh:mm:ss` → ms (the spec's pattern guarantees the shape). */
export function timeLimitMs(timeLimit: string): number {
  const [h = 0, m = 0, s = 0] = timeLimit.split(':').map(Number);
  return ((h * 60 + m) * 60 + s) * 1000;
}

/**
 * How an active job ends: an error part-way through its run if it fails before its wall-clock limit,
 * otherwise `timeout` at the limit when the run needs longer, otherwise `finished`.
 */
export function runOutcome(plan: RunPlan, limitMs: number): { status: JobStatus; afterMs: number } {
  const errorAt = Math.round(plan.runMs * plan.failAt);
  if (plan.fails && errorAt < limitMs) return { status: 'error', afterMs: errorAt };
  if (plan.runMs > limitMs) return { status: 'timeout', afterMs: limitMs };
  return { status: 'finished', afterMs: plan.runMs };
}

/** The next event for a job in `job.status`, `from` being when it entered that status (or now). */
export function nextEvent(job: Job, plan: RunPlan): { status: JobStatus; afterMs: number } | undefined {
  switch (job.status) {
    case 'submitted':
      return { status: 'queued', afterMs: plan.queueAfterMs };
    case 'queued':
      return { status: 'active', afterMs: plan.startAfterMs };
    case 'active':
      return runOutcome(plan, timeLimitMs(job.compute.timeLimit));
    case 'terminate-queued':
      return { status: 'terminated', afterMs: plan.terminateAfterMs };
    default:
      return undefined;
  }
}

export const DEFAULT_CLUSTER = 'master-production-20160630-cluster-001.exabyte.io';

const RUN_ERRORS: readonly components['schemas']['ComputeError'][] = [
  { domain: 'rupy', reason: 'NonZeroExitCode', message: 'Application exited with a non-zero exit code (1)' },
  { domain: 'rupy', reason: 'ConvergenceNotAchieved', message: 'SCF did not converge within the maximum number of steps' },
  { domain: 'alfred', reason: 'FileNotFound', message: 'File Not Found: pseudopotential for the requested element' },
  { domain: 'celim', reason: 'NodeFailure', message: 'Compute node failed during execution' },
];

/** One of the platform's typical run failures, picked by a drawn index. */
export function runError(index: number): components['schemas']['ComputeError'] {
  return { ...RUN_ERRORS[index % RUN_ERRORS.length]! };
}

/**
 * Moves a job into `status` at time `at`: records it in `statusTrack` and fills what the platform
 * sets at that step (the resource manager's job id when queued, `startTime` when active, `errors`).
 */
export function enterStatus(job: Job, status: JobStatus, at: number, plan: RunPlan): void {
  job.status = status;
  job.statusTrack.push({ trackedAt: at, status });
  job.updatedAt = new Date(at).toISOString();
  if (status === 'submitted') job.compute.cluster = { fqdn: job.compute.cluster?.fqdn ?? DEFAULT_CLUSTER };
  if (status === 'queued') {
    const fqdn = job.compute.cluster?.fqdn ?? DEFAULT_CLUSTER;
    job.compute.cluster = { fqdn, jid: `${plan.rmsNumber}.${fqdn}` };
  }
  if (status === 'active') job.startTime = new Date(at).toISOString();
  if (status === 'error') job.compute.errors = [runError(plan.errorIndex)];
}
