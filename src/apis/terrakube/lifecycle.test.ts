import { beforeEach, describe, expect, it } from 'vitest';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { invariants } from './admin.js';
import { TEMPLATE, WS } from './catalog.js';
import { advance, allowedMoves, isBlocked, moveTo, removeJob, resume, TIMINGS } from './lifecycle.js';
import type { JobOutcome, JobRecord } from './model.js';
import { createStore, FIXTURE_EPOCH, getJob, stepsOf, storeJob, type TerrakubeStore } from './store.js';

const T0 = FIXTURE_EPOCH;
const S = 1000;
let store: TerrakubeStore;

function addJob({ outcome, failAt, ...fields }: Partial<Omit<JobRecord, 'outcome'>> & { outcome: JobOutcome['kind']; failAt?: number }): JobRecord {
  const id = store.nextJobId++;
  const job: JobRecord = {
    id, organizationId: '', workspaceId: WS.sandbox, status: 'pending', command: null, output: null, comments: null, commitId: null,
    templateReference: TEMPLATE.platformPlanApply, tcl: null, via: 'UI', refresh: true, refreshOnly: false, planChanges: true,
    overrideBranch: null, terraformPlan: null, approvalTeam: null, createdDate: T0, createdBy: 'test', updatedDate: T0, updatedBy: 'test',
    stepIds: [], version: 0, ...fields, outcome: { kind: outcome, failAt: failAt ?? 0 },
  };
  job.organizationId = store.workspaces.get(job.workspaceId)!.organizationId;
  storeJob(store, job);
  resume(store, job, T0);
  return job;
}
const at = (ms: number) => advance(store, T0 + ms);
const state = (job: JobRecord) => [job.status, ...stepsOf(store, job).map((s) => s.status)].join(' ');

describe('terrakube: job lifecycle on the clock', () => {
  beforeEach(() => {
    store = createStore({ random: createRandom(1), clock: createClock(), fixtures: true });
  });

  it('runs plan, waits for approval, then applies and completes, on the documented timings', () => {
    const job = addJob({ outcome: 'success' });
    expect(state(job)).toBe('pending');
    at(TIMINGS.pickupMs);
    expect(state(job)).toBe('queue pending pending pending');
    at(TIMINGS.pickupMs + TIMINGS.queueMs);
    expect(state(job)).toBe('running running pending pending');
    const planDone = TIMINGS.pickupMs + TIMINGS.queueMs + TIMINGS.stepMs.terraformPlan;
    at(planDone);
    expect(state(job)).toBe('pending completed pending pending');
    expect(job.terraformPlan).toContain(`/jobId/${job.id}/step/`);
    at(planDone + TIMINGS.pickupMs);
    expect(state(job)).toBe('waitingApproval completed waitingApproval pending');
    expect(job.approvalTeam).toBe('PLATFORM_APPROVERS');
    at(5 * 60 * S);
    expect(state(job)).toBe('waitingApproval completed waitingApproval pending');
    moveTo(store, job, 'approved', T0 + 5 * 60 * S);
    expect(state(job)).toBe('approved completed completed pending');
    at(5 * 60 * S + TIMINGS.pickupMs);
    expect(job.approvalTeam).toBe('');
    expect(state(job)).toBe('queue completed completed pending');
    at(5 * 60 * S + TIMINGS.pickupMs + TIMINGS.queueMs + TIMINGS.stepMs.terraformApply + TIMINGS.pickupMs);
    expect(state(job)).toBe('completed completed completed completed');
    expect(stepsOf(store, job).map((s) => s.output === null)).toEqual([false, true, false]);
    expect(invariants(store)).toEqual([]);
  });

  it('fails the job at the step its outcome picks, failing the steps left', () => {
    const job = addJob({ outcome: 'fail', failAt: 0, templateReference: TEMPLATE.platformPlan });
    at(TIMINGS.pickupMs + TIMINGS.queueMs + TIMINGS.stepMs.terraformPlan);
    expect(state(job)).toBe('failed failed');
    const late = addJob({ outcome: 'fail', failAt: 0.99 });
    at(10 * 60 * S);
    expect(state(late)).toBe('waitingApproval completed waitingApproval pending');
    moveTo(store, late, 'approved', T0 + 10 * 60 * S);
    at(20 * 60 * S);
    expect(state(late)).toBe('failed completed completed failed');
    expect(invariants(store)).toEqual([]);
  });

  it('completes a job whose plan finds no changes, leaving the other steps notExecuted', () => {
    const job = addJob({ outcome: 'noChanges' });
    at(TIMINGS.pickupMs + TIMINGS.queueMs + TIMINGS.stepMs.terraformPlan);
    expect(job.planChanges).toBe(false);
    at(TIMINGS.pickupMs * 2 + TIMINGS.queueMs + TIMINGS.stepMs.terraformPlan);
    expect(state(job)).toBe('completed completed notExecuted notExecuted');
  });

  it('holds later jobs of a workspace until the earlier one finishes, then starts the next', () => {
    const first = addJob({ outcome: 'success', templateReference: TEMPLATE.platformPlan });
    const second = addJob({ outcome: 'success', templateReference: TEMPLATE.platformPlan });
    at(TIMINGS.pickupMs);
    expect(isBlocked(store, second)).toBe(true);
    expect(state(second)).toBe('pending');
    const firstDone = TIMINGS.pickupMs * 2 + TIMINGS.queueMs + TIMINGS.stepMs.terraformPlan;
    at(firstDone);
    expect(first.status).toBe('completed');
    at(firstDone + TIMINGS.pickupMs);
    expect(state(second)).toBe('queue pending');
  });

  it('rejects and cancels through moveTo, failing the unfinished steps and waking the workspace', () => {
    const job = addJob({ outcome: 'success' });
    const next = addJob({ outcome: 'success', templateReference: TEMPLATE.platformPlan });
    at(60 * S);
    expect(job.status).toBe('waitingApproval');
    expect(allowedMoves('waitingApproval')).toEqual(['approved', 'rejected', 'cancelled']);
    moveTo(store, job, 'rejected', T0 + 60 * S);
    expect(state(job)).toBe('rejected completed rejected failed');
    at(70 * S);
    expect(next.status).toBe('queue');
    moveTo(store, next, 'cancelled', T0 + 70 * S);
    expect(state(next)).toBe('cancelled failed');
    at(10 * 60 * S);
    expect(state(next)).toBe('cancelled failed');
    expect(allowedMoves('completed')).toEqual([]);
    expect(invariants(store)).toEqual([]);
  });

  it('fails unfinished jobs 6 hours after creation, but not while they wait for approval', () => {
    const locked = getJob(store, 36)!;
    const waiting = getJob(store, 33)!;
    at(TIMINGS.expireMs);
    expect(locked.status).toBe('failed');
    expect(waiting.status).toBe('waitingApproval');
    moveTo(store, waiting, 'approved', T0 + TIMINGS.expireMs);
    at(TIMINGS.expireMs + TIMINGS.pickupMs);
    expect(waiting.status).toBe('failed');
  });

  it('removes a job and its steps, and lets the next job of the workspace start', () => {
    const waiting = getJob(store, 33)!;
    const stepIds = [...waiting.stepIds];
    removeJob(store, waiting, T0);
    expect(getJob(store, 33)).toBeUndefined();
    expect(stepIds.every((id) => !store.steps.has(id))).toBe(true);
    at(TIMINGS.pickupMs);
    expect(getJob(store, 34)!.status).toBe('queue');
  });

  it('continues the fixture jobs that were in flight when loaded', () => {
    at(TIMINGS.pickupMs);
    expect(getJob(store, 37)!.status).toBe('running');
    expect(getJob(store, 38)!.status).toBe('queue');
    expect(getJob(store, 38)!.approvalTeam).toBe('');
    expect(invariants(store)).toEqual([]);
  });
});
