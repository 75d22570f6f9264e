/**
 * Puts a fixture job in a target state with steps that agree with it, as the scheduler would have
 * left them: steps before the current one `completed`, the current one running / waiting / failed,
 * the rest `pending` (or `failed` once the job has ended, `notExecuted` after a plan without changes).
 */
import { isExecutorStep, isPlanStep, type FlowStep } from './flow.js';
import type { JobRecord, JobStatus, StepRecord } from './model.js';
import type { TerrakubeStore } from './store.js';
import { stepOutputUrl, terraformPlanUrl } from './urls.js';

export type Target =
  | 'completed' | 'noChanges' | 'failed' | 'rejected' | 'cancelled'
  | 'pending' | 'queue' | 'running' | 'runningApply' | 'waitingApproval' | 'approved';

/** Step statuses by position, and the job status, for a target. `pick(n)` draws 0..n-1. */
function layout(flow: readonly FlowStep[], target: Target, pick: (n: number) => number): { job: JobStatus; steps: JobStatus[] } {
  const n = flow.length;
  const executor = flow.map((s, i) => (isExecutorStep(s.type) ? i : -1)).filter((i) => i >= 0);
  const approval = flow.findIndex((s) => s.type === 'approval');
  const upTo = (k: number, at: JobStatus, after: JobStatus): JobStatus[] => flow.map((_, i) => (i < k ? 'completed' : i === k ? at : after));
  switch (target) {
    case 'completed':
      return { job: 'completed', steps: upTo(n, 'completed', 'completed') };
    case 'noChanges':
      return { job: 'completed', steps: upTo(1, 'notExecuted', 'notExecuted') };
    case 'failed':
      return { job: 'failed', steps: upTo(executor[pick(executor.length)]!, 'failed', 'failed') };
    case 'cancelled':
      return { job: 'cancelled', steps: upTo(executor[pick(executor.length)]!, 'failed', 'failed') };
    case 'rejected':
      return { job: 'rejected', steps: upTo(approval, 'rejected', 'failed') };
    case 'pending':
      return { job: 'pending', steps: [] };
    case 'queue':
      return { job: 'queue', steps: upTo(0, 'pending', 'pending') };
    case 'running':
      return { job: 'running', steps: upTo(0, 'running', 'pending') };
    case 'runningApply':
      return { job: 'running', steps: upTo(executor[executor.length - 1]!, 'running', 'pending') };
    case 'waitingApproval':
      return { job: 'waitingApproval', steps: upTo(approval, 'waitingApproval', 'pending') };
    case 'approved':
      return { job: 'approved', steps: upTo(approval + 1, 'pending', 'pending') };
  }
}

export function materialize(store: TerrakubeStore, job: JobRecord, flow: readonly FlowStep[], target: Target, uuid: () => string, pick: (n: number) => number): void {
  const { job: status, steps } = layout(flow, target, pick);
  job.status = status;
  job.planChanges = target !== 'noChanges';
  // The first failed step is the one that ran and failed (or was cut off by the cancel); later
  // failed steps never ran. A rejected job's failed steps all come after the refused approval.
  const failedAt = target === 'rejected' ? -1 : steps.indexOf('failed');
  steps.forEach((stepStatus, i) => {
    const entry = flow[i]!;
    const step: StepRecord = { id: uuid(), jobId: job.id, stepNumber: entry.step, name: entry.name, type: entry.type, team: entry.team ?? null, status: stepStatus, output: null };
    const ran = stepStatus === 'completed' || i === failedAt;
    if (ran && isExecutorStep(entry.type)) step.output = stepOutputUrl(job, step);
    if (stepStatus === 'completed' && isPlanStep(entry.type)) job.terraformPlan = terraformPlanUrl(job, step);
    // Waiting (or just approved) jobs name the approving team; once the scheduler moves past an
    // approval it leaves the field empty (`executeApprovedJobs` sets "").
    if (entry.type === 'approval') job.approvalTeam = stepStatus === 'waitingApproval' || target === 'approved' ? (entry.team ?? null) : stepStatus === 'completed' ? '' : job.approvalTeam;
    store.steps.set(step.id, step);
    job.stepIds.push(step.id);
  });
}
