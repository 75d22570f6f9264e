import { findTarget, recount, touch } from './entities.js';
import { PENDING_LIMIT_MS, type JobCondition, type JobRecord, type JobState, type TargetRecord } from './records.js';
import type { ContentHubStore } from './store.js';

/**
 * Job lifecycle on the virtual clock (doc.sitecore.com/ch/en/users/content-hub/job-state.html):
 * Created/Pending → (queued) Pending/Pending → (a worker picks it up) InProgress/None → the worker takes the
 * targets one by one (Pending → InProgress → Completed/Success or Completed/Failure) → Completed/Success, or
 * Completed/Failure when a target failed. A job still Pending more than 48 hours after it was queued is
 * marked Completed/Failure. Cancelled/Cancelled is only reached by jobs loaded that way (this API has no
 * cancel operation); targets can be cancelled through PUT/PATCH.
 */
export type LifecycleEvent =
  | { kind: 'queue'; jobId: number }
  | { kind: 'pickup'; jobId: number }
  | { kind: 'expire'; jobId: number; since: number }
  | { kind: 'work'; jobId: number }
  | { kind: 'finish'; jobId: number; targetId: number; failed: boolean };

/** How long a Created job waits before it is queued. */
export const QUEUE_DELAY_MS = 30_000;
/** How long a queued job waits for a worker when nothing else is known about it. */
export const DEFAULT_PICKUP_DELAY_MS = 60_000;
/** Changes made by the background processes are made by Content Hub's system user. */
export const SYSTEM_USER_ID = 1;

export const FAILURE_REASONS: ReadonlyArray<Readonly<Record<string, string>>> = [
  { 'en-US': 'The file could not be read.', 'fr-FR': 'Le fichier n’a pas pu être lu.', 'de-DE': 'Die Datei konnte nicht gelesen werden.' },
  { 'en-US': 'The media processing flow failed.', 'fr-FR': 'Le traitement du média a échoué.', 'de-DE': 'Die Medienverarbeitung ist fehlgeschlagen.' },
  { 'en-US': 'The source URL did not answer in time.', 'fr-FR': 'L’URL source n’a pas répondu à temps.', 'de-DE': 'Die Quell-URL hat nicht rechtzeitig geantwortet.' },
];

export const PENDING_TOO_LONG = 'The job was pending for more than 48 hours and was marked as failed.';

/** What happens to a target when the worker runs it: fixed per seed and target id, whatever else happens. */
export function targetOutcome(store: ContentHubStore, targetId: number): { durationMs: number; failed: boolean; reason: Readonly<Record<string, string>> } {
  const random = store.random.fork(`target:${targetId}`);
  return { durationMs: random.int(5_000, 90_000), failed: random.chance(0.1), reason: random.pick(FAILURE_REASONS) };
}

function setJobState(job: JobRecord, state: JobState, condition: JobCondition, at: number): void {
  job.state = state;
  job.condition = condition;
  touch(job, SYSTEM_USER_ID, at);
}

function schedulePending(store: ContentHubStore, job: JobRecord, since: number): void {
  if (job.pickupDelayMs !== null) store.scheduler.schedule(since + job.pickupDelayMs, { kind: 'pickup', jobId: job.id });
  store.scheduler.schedule(since + PENDING_LIMIT_MS + 1, { kind: 'expire', jobId: job.id, since });
}

function startTarget(store: ContentHubStore, job: JobRecord, target: TargetRecord, at: number): void {
  target.state = 'InProgress';
  target.condition = 'None';
  target.startedOn = at;
  touch(target, SYSTEM_USER_ID, at);
  job.workerTarget = target.id;
  const outcome = targetOutcome(store, target.id);
  store.scheduler.schedule(at + outcome.durationMs, { kind: 'finish', jobId: job.id, targetId: target.id, failed: outcome.failed });
}

function finishTarget(store: ContentHubStore, target: TargetRecord, failed: boolean, at: number): void {
  target.state = 'Completed';
  target.condition = failed ? 'Failure' : 'Success';
  target.endedOn = at;
  if (failed) target.message = new Map(Object.entries(targetOutcome(store, target.id).reason));
  touch(target, SYSTEM_USER_ID, at);
}

/** The worker's turn: take the next Pending target, or finish the job when nothing is left to run. */
function work(store: ContentHubStore, job: JobRecord, at: number): void {
  if (job.state !== 'InProgress' || job.workerTarget !== null) return;
  let clientHeld = false;
  for (const target of job.targets.values()) {
    if (target.state === 'Pending') {
      startTarget(store, job, target, at);
      recount(job);
      return;
    }
    if (target.state === 'InProgress') clientHeld = true;
  }
  // Targets a client put InProgress itself are the client's to finish; the job waits for them.
  if (clientHeld) return;
  recount(job);
  job.endedOn = at;
  if (job.targetsFailed > 0) job.message = `${job.targetsFailed} of ${job.targetCount} targets failed.`;
  setJobState(job, 'Completed', job.targetsFailed > 0 ? 'Failure' : 'Success', at);
}

export function applyEvent(store: ContentHubStore, event: LifecycleEvent, at: number): void {
  const job = store.jobs.get(event.jobId);
  if (!job) return;
  switch (event.kind) {
    case 'queue':
      if (job.state !== 'Created') return;
      job.pendingSince = at;
      setJobState(job, 'Pending', 'Pending', at);
      schedulePending(store, job, at);
      return;
    case 'pickup':
      if (job.state !== 'Pending') return;
      job.pendingSince = null;
      job.startedOn = at;
      setJobState(job, 'InProgress', 'None', at);
      work(store, job, at);
      return;
    case 'expire':
      if (job.state !== 'Pending' || job.pendingSince !== event.since) return;
      job.pendingSince = null;
      job.endedOn = at;
      job.message = PENDING_TOO_LONG;
      setJobState(job, 'Completed', 'Failure', at);
      return;
    case 'work':
      work(store, job, at);
      return;
    case 'finish': {
      if (job.workerTarget !== event.targetId) return;
      job.workerTarget = null;
      const target = findTarget(job, event.targetId);
      if (target && target.state === 'InProgress') finishTarget(store, target, event.failed, at);
      recount(job);
      work(store, job, at);
    }
  }
}

/** Runs every lifecycle event due by `now`, in time order. */
export function advance(store: ContentHubStore, now: number): void {
  store.scheduler.runUntil(now, (event, at) => applyEvent(store, event, at));
}

/** Puts a loaded job (fixtures, admin seed) on the clock from the state it was loaded in. */
export function scheduleLoadedJob(store: ContentHubStore, job: JobRecord, now: number): void {
  if (job.state === 'Created') store.scheduler.schedule(job.modifiedOn + QUEUE_DELAY_MS, { kind: 'queue', jobId: job.id });
  if (job.state === 'Pending') {
    job.pendingSince ??= job.modifiedOn;
    schedulePending(store, job, job.pendingSince);
  }
  if (job.state !== 'InProgress') return;
  const running = [...job.targets.values()].find((t) => t.state === 'InProgress' && t.startedOn !== null);
  if (running) {
    // The loaded InProgress target is the worker's: it finishes its run from when it started.
    job.workerTarget = running.id;
    const outcome = targetOutcome(store, running.id);
    store.scheduler.schedule(running.startedOn! + outcome.durationMs, { kind: 'finish', jobId: job.id, targetId: running.id, failed: outcome.failed });
  } else store.scheduler.schedule(now, { kind: 'work', jobId: job.id });
}

/**
 * After a client changed a job's targets: counts follow, and the worker lets go of a target the client
 * took over (its run is dropped) and looks for work again.
 */
export function onTargetsChanged(store: ContentHubStore, job: JobRecord, now: number): void {
  recount(job);
  if (job.state !== 'InProgress') return;
  const held = job.workerTarget === null ? undefined : findTarget(job, job.workerTarget);
  if (job.workerTarget !== null && held?.state !== 'InProgress') {
    const released = job.workerTarget;
    store.scheduler.cancelOwned([job.id], (e) => e.kind === 'finish' && e.targetId === released);
    job.workerTarget = null;
  }
  if (job.workerTarget === null) store.scheduler.schedule(now, { kind: 'work', jobId: job.id });
}
