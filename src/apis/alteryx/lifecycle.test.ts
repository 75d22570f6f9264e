import { describe, expect, it } from 'vitest';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { ANCHOR_WORKFLOW_ID } from './fixtures.js';
import { formatObjectId } from './ids.js';
import { advanceJobs, isConsistent, jobsInFlight, planRun } from './lifecycle.js';
import { appendJob, createStore, type AlteryxStore, type JobPriority, type StoredJob } from './store.js';

function setup(seed = 1) {
  const clock = createClock({ mode: 'manual' });
  const store = createStore({ random: createRandom(seed), clock, fixtures: true });
  return { clock, store };
}

function enqueue(store: AlteryxStore, now: number, priority: JobPriority = 'Default'): StoredJob {
  const workflow = store.workflows.get(ANCHOR_WORKFLOW_ID)!;
  const stored: StoredJob = {
    job: { id: formatObjectId(now, store.counter++), appId: workflow.id, createDateTime: new Date(now).toISOString(), status: 'Queued', disposition: 'None', outputs: [], messages: [], priority, workerTag: '', runWithE2: false },
    ownerId: workflow.ownerId,
    createdAt: now,
    questions: [],
  };
  appendJob(store, stored);
  planRun(store, stored, workflow, now);
  return stored;
}

/** The first virtual time (stepping by 1 s) at which the job has the status. */
function timeUntil(store: AlteryxStore, stored: StoredJob, from: number, status: string): number {
  for (let t = from; t < from + 600_000; t += 1000) {
    advanceJobs(store, t);
    if (stored.job.status === status) return t - from;
  }
  throw new Error(`job never reached ${status}`);
}

describe('alteryx: job lifecycle', () => {
  it('moves a queued job to Running, then Completed with a final disposition', () => {
    const { clock, store } = setup();
    const now = clock.now();
    const stored = enqueue(store, now);
    expect(stored.job).toMatchObject({ status: 'Queued', disposition: 'None', messages: [], outputs: [] });
    timeUntil(store, stored, now, 'Running');
    expect(stored.job.disposition).toBe('None');
    expect(stored.job.messages[0]).toEqual({ status: 1, text: 'Started running Regional Sales Forecast.yxwz', toolId: 0 });
    timeUntil(store, stored, now, 'Completed');
    expect(['Success', 'Warning', 'Error']).toContain(stored.job.disposition);
    expect(stored.job.messages.at(-1)!.text).toMatch(/^Finished running Regional Sales Forecast\.yxwz in \d+\.\d seconds/);
  });

  it('fills messages as the clock moves, one per tool, before the job ends', () => {
    const { clock, store } = setup();
    const stored = enqueue(store, clock.now());
    const counts: number[] = [];
    for (let t = clock.now(); stored.job.status !== 'Completed'; t += 2000) {
      advanceJobs(store, t);
      counts.push(stored.job.messages.length);
    }
    expect(new Set(counts).size).toBeGreaterThan(3);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const toolIds = stored.job.messages.filter((m) => m.toolId > 0 && m.status === 1).map((m) => m.toolId);
    expect(toolIds).toEqual([1, 2, 3, 4]);
  });

  it('gives outputs to successful runs and none to failed ones, and an error message to failed ones', () => {
    const { clock, store } = setup();
    const jobs = Array.from({ length: 40 }, () => enqueue(store, clock.now()));
    advanceJobs(store, clock.now() + 600_000);
    const byOutcome = (d: string) => jobs.filter((s) => s.job.disposition === d);
    expect(byOutcome('Success').length).toBeGreaterThan(0);
    expect(byOutcome('Error').length + byOutcome('Warning').length).toBeGreaterThan(0);
    for (const s of byOutcome('Success')) expect(s.job.outputs.map((o) => o.fileName)).toEqual(['regional_sales_forecast.csv']);
    for (const s of byOutcome('Error')) {
      expect(s.job.outputs).toEqual([]);
      expect(s.job.messages.some((m) => m.status === 3)).toBe(true);
    }
    for (const s of byOutcome('Warning')) expect(s.job.messages.some((m) => m.status === 2)).toBe(true);
  });

  it('picks critical jobs up sooner than low-priority ones', () => {
    const { clock, store } = setup();
    const now = clock.now();
    const waits = (priority: JobPriority) => Array.from({ length: 10 }, () => timeUntil(store, enqueue(store, now, priority), now, 'Running'));
    expect(Math.max(...waits('Critical'))).toBeLessThan(Math.min(...waits('Low')));
  });

  it('plays the same run for the same seed', () => {
    const a = setup(5);
    const b = setup(5);
    const ja = enqueue(a.store, a.clock.now());
    const jb = enqueue(b.store, b.clock.now());
    advanceJobs(a.store, a.clock.now() + 600_000);
    advanceJobs(b.store, b.clock.now() + 600_000);
    expect(ja.job).toEqual(jb.job);
  });

  it('runs the fixture jobs that were queued or running when the clock started to completion', () => {
    const { clock, store } = setup();
    const inFlight = [...jobsInFlight(store)];
    expect(inFlight.length).toBe(4);
    advanceJobs(store, clock.now() + 600_000);
    for (const id of inFlight) expect(store.jobs.get(id)!.job.status).toBe('Completed');
    expect(jobsInFlight(store).size).toBe(0);
  });

  it('allows only the dispositions each status can have', () => {
    expect(isConsistent('Queued', 'None')).toBe(true);
    expect(isConsistent('Running', 'Success')).toBe(false);
    expect(isConsistent('Completed', 'None')).toBe(false);
    expect(isConsistent('Completed', 'Error')).toBe(true);
    expect(isConsistent('Cancelled', 'Cancelled')).toBe(true);
    expect(isConsistent('Created', 'None')).toBe(false);
  });
});
