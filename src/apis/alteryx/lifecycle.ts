/**
 * The job lifecycle on the virtual clock: Queued → Running → Completed, with a disposition of
 * Success, Warning or Error (Cancelled jobs only come from fixtures or seeds: the V3 API has no
 * cancel endpoint). A run is planned in full when it is queued (durations, messages, outcome and
 * outputs, all drawn from the store's seeded random), then applied event by event as time passes,
 * so messages and outputs fill in the way a client polling GET /v3/jobs/{jobId} would see them.
 */
import { formatObjectId } from './ids.js';
import { errorMessage, finishedMessage, OUTPUT_FORMATS, startMessage, toolMessage, warningMessage } from './messages.js';
import type { AlteryxStore, JobDisposition, JobPriority, JobStatus, MessageView, OutputDataView, StoredJob, WorkflowRecord } from './store.js';

export type FinalDisposition = Extract<JobDisposition, 'Success' | 'Warning' | 'Error'>;

export type JobEvent =
  | { kind: 'start'; jobId: string; message: MessageView }
  | { kind: 'message'; jobId: string; message: MessageView }
  | { kind: 'finish'; jobId: string; disposition: FinalDisposition; messages: MessageView[]; outputs: OutputDataView[] };

/** Queue wait in ms by priority: a higher priority is picked up by a worker sooner. */
const QUEUE_WAIT: Readonly<Record<JobPriority, [number, number]>> = {
  Critical: [1_000, 3_000],
  High: [2_000, 8_000],
  Medium: [4_000, 15_000],
  Default: [5_000, 20_000],
  Low: [10_000, 40_000],
};
const RUN_TIME: [number, number] = [20_000, 90_000];

/** Which dispositions a status allows (an invariant of every stored job). */
export function isConsistent(status: JobStatus, disposition: JobDisposition): boolean {
  switch (status) {
    case 'Queued':
    case 'Running':
      return disposition === 'None';
    case 'Completed':
      return disposition === 'Success' || disposition === 'Warning' || disposition === 'Error';
    case 'Cancelled':
      return disposition === 'Cancelled';
    case 'Created':
      return false;
  }
}

export function isTerminal(status: JobStatus): boolean {
  return status === 'Completed' || status === 'Cancelled';
}

function pickDisposition(store: AlteryxStore): FinalDisposition {
  const roll = store.random.next();
  return roll < 0.7 ? 'Success' : roll < 0.9 ? 'Warning' : 'Error';
}

function finishEvent(store: AlteryxStore, stored: StoredJob, workflow: WorkflowRecord, finishAt: number, runMs: number): JobEvent {
  const disposition = pickDisposition(store);
  const messages: MessageView[] = [];
  const culprit = store.random.int(1, Math.max(1, workflow.tools.length));
  const tool = workflow.tools[culprit - 1] ?? 'Formula';
  if (disposition === 'Warning') messages.push(warningMessage(tool, culprit, store.random.int(1, 400)));
  if (disposition === 'Error') messages.push(errorMessage(tool, culprit));
  messages.push(finishedMessage(workflow.fileName, runMs, disposition));
  const outputs: OutputDataView[] =
    disposition === 'Error'
      ? []
      : workflow.outputs.map((fileName) => ({ id: formatObjectId(finishAt, store.counter++), availableFormats: [...store.random.pick(OUTPUT_FORMATS)], fileName }));
  return { kind: 'finish', jobId: stored.job.id, disposition, messages, outputs };
}

/**
 * Plans the rest of a job's run from `now`: a queued job waits for a worker (by priority) then
 * starts; a running one goes on reporting. Every tool reports its record count, then the job ends.
 */
export function planRun(store: AlteryxStore, stored: StoredJob, workflow: WorkflowRecord, now: number): void {
  const { job } = stored;
  let startAt = now;
  if (job.status === 'Queued') {
    const [min, max] = QUEUE_WAIT[job.priority];
    startAt = now + store.random.int(min, max);
    store.scheduler.schedule(startAt, { kind: 'start', jobId: job.id, message: startMessage(workflow.fileName) });
  }
  const runMs = store.random.int(RUN_TIME[0], RUN_TIME[1]);
  const step = Math.floor(runMs / (workflow.tools.length + 1));
  const reported = new Set(job.messages.map((m) => m.toolId));
  workflow.tools.forEach((tool, i) => {
    if (reported.has(i + 1)) return;
    const message = toolMessage(tool, i + 1, store.random.int(120, 250_000));
    store.scheduler.schedule(startAt + step * (i + 1), { kind: 'message', jobId: job.id, message });
  });
  const finishAt = startAt + runMs;
  store.scheduler.schedule(finishAt, finishEvent(store, stored, workflow, finishAt, runMs));
}

function applyEvent(store: AlteryxStore, event: JobEvent): void {
  const stored = store.jobs.get(event.jobId);
  if (!stored || isTerminal(stored.job.status)) return;
  const { job } = stored;
  if (event.kind === 'start') {
    job.status = 'Running';
    job.messages.push(event.message);
  } else if (event.kind === 'message') {
    job.messages.push(event.message);
  } else {
    job.status = 'Completed';
    job.disposition = event.disposition;
    job.messages.push(...event.messages);
    job.outputs = event.outputs;
  }
}

/** Applies every lifecycle event due by `now`. */
export function advanceJobs(store: AlteryxStore, now: number): void {
  store.scheduler.runUntil(now, (event) => applyEvent(store, event));
}

/** Ids of the jobs with a run still ahead of them (queued or running). */
export function jobsInFlight(store: AlteryxStore): Set<string> {
  return new Set(store.scheduler.pending().map((e) => e.event.jobId));
}
