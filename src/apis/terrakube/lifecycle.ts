/**
 * How a job moves on the virtual clock, after Terrakube's scheduler (`ScheduleJob`, a Quartz job per
 * active Terrakube job) and executor (`ExecutorService`):
 *
 *   pending ─tick─▶ queue ─▶ running ─▶ pending ─tick─▶ … ─tick─▶ completed
 *                (sent to executor) (step runs) (step done, next one)   (no step left)
 *   pending ─tick─▶ waitingApproval ─PATCH approved─▶ approved ─tick─▶ queue ─▶ …
 *                                   ─PATCH rejected─▶ rejected
 *   running ─step fails─▶ failed;  any unfinished ─PATCH cancelled─▶ cancelled
 *
 * Jobs of a workspace run one at a time in id order, none while the workspace is locked, and a job
 * the scheduler still holds 6 hours after its creation is failed. A plan that finds no changes sets
 * `planChanges = false`; the next tick completes the job and marks the steps left `notExecuted`.
 */
import { decodeFlow, encodeFlow, flowForCommand, isPlanStep, type FlowStep } from './flow.js';
import { isFinished, type JobRecord, type JobStatus, type StepRecord } from './model.js';
import { earliestUnfinished, getJob, stepsOf, type LifecycleEvent, type TerrakubeStore } from './store.js';
import { stepOutputUrl, terraformPlanUrl } from './urls.js';

export const TIMINGS = {
  /** Scheduler pick-up of a pending or approved job (Quartz trigger). */
  pickupMs: 10_000,
  /** Executor accepted the step (`queue`) until it starts running it. */
  queueMs: 5_000,
  /** How long each kind of step runs. */
  stepMs: { terraformPlan: 30_000, terraformPlanDestroy: 30_000, terraformApply: 60_000, terraformDestroy: 45_000, customScripts: 15_000, approval: 0 },
  /** `ScheduleJob`: "Job has been running for more than 6 hours, cancelling running job". */
  expireMs: 6 * 60 * 60 * 1000,
} as const;

function touch(job: JobRecord, at: number): void {
  job.version++;
  job.updatedDate = at;
}

function schedule(store: TerrakubeStore, job: JobRecord, at: number): void {
  store.scheduler.schedule(at, { kind: 'tick', jobId: job.id, version: job.version });
}

/** Marks the job's steps that are in one of `from` with `to` (`updateJobStepsWithStatus`). */
function markSteps(store: TerrakubeStore, job: JobRecord, from: readonly JobStatus[], to: JobStatus): void {
  for (const step of stepsOf(store, job)) if (from.includes(step.status)) step.status = to;
}

/**
 * The workspace's next job gets a tick: jobs run one at a time in id order (`isBlocked`), so only the
 * earliest unfinished job can start. Waking every pending job instead cost a pass over the workspace per
 * pending job on each finish, quadratic once creates outpace the queue (expiry has its own event).
 */
function wakeWorkspace(store: TerrakubeStore, workspaceId: string, at: number): void {
  const next = earliestUnfinished(store, workspaceId);
  if (next?.status === 'pending') schedule(store, next, at + TIMINGS.pickupMs);
}

function finish(store: TerrakubeStore, job: JobRecord, status: JobStatus, at: number): void {
  job.status = status;
  touch(job, at);
  if (status === 'failed' || status === 'rejected' || status === 'cancelled') markSteps(store, job, ['pending', 'running', 'waitingApproval'], 'failed');
  if (status === 'completed') markSteps(store, job, ['pending', 'running'], 'notExecuted');
  wakeWorkspace(store, job.workspaceId, at);
}

/** Whether an earlier unfinished job of the workspace, or a workspace lock, holds this job back. */
export function isBlocked(store: TerrakubeStore, job: JobRecord): boolean {
  const ws = store.workspaces.get(job.workspaceId);
  if (!ws || ws.locked) return true;
  const head = earliestUnfinished(store, job.workspaceId);
  return head !== undefined && head.id < job.id;
}

/** The flow a job runs: its TCL, else its template's, else its legacy command's, else the workspace default. */
export function flowOf(store: TerrakubeStore, job: JobRecord): FlowStep[] | string {
  if (job.tcl) return decodeFlow(job.tcl);
  if (job.templateReference) {
    const template = store.templates.get(job.templateReference);
    if (!template || template.organizationId !== job.organizationId) return `template ${job.templateReference} not found`;
    job.tcl = template.tcl;
    return decodeFlow(template.tcl);
  }
  if (job.command) {
    const flow = flowForCommand(job.command);
    job.tcl = encodeFlow(flow);
    return flow;
  }
  const fallback = store.workspaces.get(job.workspaceId)?.defaultTemplate;
  const template = fallback ? store.templates.get(fallback) : undefined;
  if (!template) return 'the job names no template and its workspace has no default template';
  job.templateReference = template.id;
  job.tcl = template.tcl;
  return decodeFlow(template.tcl);
}

/** `TclService.initJobConfiguration`: one step per flow entry, all `pending`. */
function createSteps(store: TerrakubeStore, job: JobRecord): boolean {
  const flow = flowOf(store, job);
  if (typeof flow === 'string') return false;
  for (const entry of flow) {
    const step: StepRecord = { id: store.random.uuid(), jobId: job.id, stepNumber: entry.step, name: entry.name, type: entry.type, team: entry.team ?? null, status: 'pending', output: null };
    store.steps.set(step.id, step);
    job.stepIds.push(step.id);
  }
  return true;
}

/** Sends the job's next pending step on: to an executor (`queue`), to approval, or completes the job. */
function runNextStep(store: TerrakubeStore, job: JobRecord, at: number): void {
  const next = stepsOf(store, job).find((s) => s.status === 'pending');
  if (!next) return finish(store, job, 'completed', at);
  if (next.type === 'approval') {
    next.status = 'waitingApproval';
    job.status = 'waitingApproval';
    job.approvalTeam = next.team;
    return touch(job, at);
  }
  job.status = 'queue';
  touch(job, at);
  schedule(store, job, at + TIMINGS.queueMs);
}

/** Whether the simulated executor fails this step (the outcome picks one of the job's executor steps). */
function failsHere(store: TerrakubeStore, job: JobRecord, step: StepRecord): boolean {
  if (job.outcome.kind !== 'fail') return false;
  const runnable = stepsOf(store, job).filter((s) => s.type !== 'approval');
  return runnable[Math.min(runnable.length - 1, Math.floor(job.outcome.failAt * runnable.length))] === step;
}

function completeStep(store: TerrakubeStore, job: JobRecord, step: StepRecord, at: number): void {
  if (failsHere(store, job, step)) {
    step.status = 'failed';
    step.output = stepOutputUrl(job, step);
    return finish(store, job, 'failed', at);
  }
  step.status = 'completed';
  step.output = stepOutputUrl(job, step);
  if (isPlanStep(step.type)) {
    job.terraformPlan = terraformPlanUrl(job, step);
    const firstPlan = stepsOf(store, job).find((s) => isPlanStep(s.type)) === step;
    if (firstPlan && job.outcome.kind === 'noChanges') job.planChanges = false;
  }
  job.status = 'pending';
  touch(job, at);
  schedule(store, job, at + TIMINGS.pickupMs);
}

/** One scheduler tick for a job, by its status. */
function tick(store: TerrakubeStore, job: JobRecord, at: number): void {
  if (isFinished(job.status) || job.status === 'waitingApproval') return;
  if (at >= job.createdDate + TIMINGS.expireMs) return finish(store, job, 'failed', at);
  if (job.status === 'pending') {
    if (isBlocked(store, job)) return;
    if (job.stepIds.length === 0 && !createSteps(store, job)) return finish(store, job, 'failed', at);
    if (!job.planChanges) return finish(store, job, 'completed', at);
    return runNextStep(store, job, at);
  }
  if (job.status === 'approved') {
    job.approvalTeam = '';
    return runNextStep(store, job, at);
  }
  const current = stepsOf(store, job).find((s) => s.status === (job.status === 'queue' ? 'pending' : 'running'));
  if (!current) return finish(store, job, 'failed', at);
  if (job.status === 'queue') {
    current.status = 'running';
    job.status = 'running';
    touch(job, at);
    return schedule(store, job, at + TIMINGS.stepMs[current.type]);
  }
  completeStep(store, job, current, at);
}

function apply(store: TerrakubeStore, event: LifecycleEvent, at: number): void {
  const job = getJob(store, event.jobId);
  if (!job) return;
  if (event.kind === 'expire') {
    if (!isFinished(job.status) && job.status !== 'waitingApproval') finish(store, job, 'failed', at);
    return;
  }
  if (event.version === job.version) tick(store, job, at);
}

/** Runs every lifecycle event due by `now`, in time order. */
export function advance(store: TerrakubeStore, now: number): void {
  store.scheduler.runUntil(now, (event, at) => apply(store, event, at));
}

/** Puts a new or loaded job on the clock: its 6-hour limit, and the tick its status is waiting for. */
export function resume(store: TerrakubeStore, job: JobRecord, now: number): void {
  if (isFinished(job.status)) return;
  store.scheduler.schedule(Math.max(now, job.createdDate + TIMINGS.expireMs), { kind: 'expire', jobId: job.id, version: job.version });
  if (job.status === 'pending' || job.status === 'approved') schedule(store, job, now + TIMINGS.pickupMs);
  if (job.status === 'queue') schedule(store, job, now + TIMINGS.queueMs);
  if (job.status === 'running') {
    const step = stepsOf(store, job).find((s) => s.status === 'running');
    schedule(store, job, now + (step ? TIMINGS.stepMs[step.type] : TIMINGS.pickupMs));
  }
}

/** PATCH `status`: the moves a client may make (everything else is refused by the handler). */
export function allowedMoves(from: JobStatus): readonly JobStatus[] {
  if (from === 'waitingApproval') return ['approved', 'rejected', 'cancelled'];
  if (from === 'pending' || from === 'queue' || from === 'running' || from === 'approved') return ['cancelled'];
  return [];
}

/** Applies a client's status change (already checked against `allowedMoves`). */
export function moveTo(store: TerrakubeStore, job: JobRecord, to: JobStatus, at: number): void {
  const waiting = stepsOf(store, job).find((s) => s.status === 'waitingApproval');
  if (to === 'approved') {
    if (waiting) waiting.status = 'completed';
    job.status = 'approved';
    touch(job, at);
    return schedule(store, job, at + TIMINGS.pickupMs);
  }
  if (to === 'rejected' && waiting) waiting.status = 'rejected';
  finish(store, job, to, at);
}

/** Removes a job and its steps; jobs queued behind it may start. */
export function removeJob(store: TerrakubeStore, job: JobRecord, at: number): void {
  for (const id of job.stepIds) store.steps.delete(id);
  store.jobs.delete(String(job.id));
  store.scheduler.cancelOwned([job.id]);
  wakeWorkspace(store, job.workspaceId, at);
}

/**
 * The store's job cap (the engine's `maxJobs`): the oldest jobs (lowest ids) go with their steps and
 * pending events, in one pass over the scheduler; jobs queued behind an evicted one may start.
 */
export function evictOldestJobs(store: TerrakubeStore, n: number, at: number): number {
  const ids = new Set<number>();
  const workspaces = new Set<string>();
  for (const key of store.jobs.oldestKeys(n)) {
    const job = store.jobs.get(key)!;
    for (const id of job.stepIds) store.steps.delete(id);
    store.jobs.delete(key);
    ids.add(job.id);
    workspaces.add(job.workspaceId);
  }
  store.scheduler.cancelOwned(ids);
  for (const workspaceId of workspaces) wakeWorkspace(store, workspaceId, at);
  return ids.size;
}
