/**
 * The terrakube store as the admin API sees it: a JSON snapshot, seeding with API-shaped records,
 * and the invariants the lifecycle must keep (checked by tests and fuzzing).
 */
import { ApiError } from '../../core/api-error.js';
import { asResourceFiles, loadFiles } from './load.js';
import { isFinished, type JobRecord } from './model.js';
import { jobsOfWorkspace, stepsOf, type TerrakubeStore } from './store.js';

export function snapshot(store: TerrakubeStore): unknown {
  return {
    organizations: [...store.organizations.values()],
    teams: store.teams,
    workspaces: [...store.workspaces.values()],
    templates: [...store.templates.values()].map(({ id, organizationId, name }) => ({ id, organizationId, name })),
    jobs: [...store.jobs.values()],
    steps: [...store.steps.values()],
    nextJobId: store.nextJobId,
    pendingEvents: store.scheduler.pending(),
  };
}

export function seed(store: TerrakubeStore, data: unknown, context: { clock: { now(): number } }): { loaded: number } | ApiError {
  const files = asResourceFiles(data);
  if (typeof files === 'string') return new ApiError('validation_failed', files);
  const loaded = loadFiles(store, files, context.clock.now());
  if (typeof loaded === 'string') return new ApiError('validation_failed', loaded);
  return { loaded };
}

const ACTIVE = new Set(['queue', 'running', 'waitingApproval', 'approved']);

function jobProblems(store: TerrakubeStore, job: JobRecord): string[] {
  const out: string[] = [];
  const ws = store.workspaces.get(job.workspaceId);
  if (!ws) out.push(`job ${job.id}: workspace ${job.workspaceId} does not exist`);
  else if (ws.organizationId !== job.organizationId) out.push(`job ${job.id}: organization differs from its workspace's`);
  const steps = stepsOf(store, job);
  if (steps.length !== job.stepIds.length) out.push(`job ${job.id}: refers to missing steps`);
  if (steps.some((s) => s.jobId !== job.id)) out.push(`job ${job.id}: lists a step of another job`);
  if (steps.some((s, i) => i > 0 && s.stepNumber < steps[i - 1]!.stepNumber)) out.push(`job ${job.id}: steps out of order`);
  const count = (status: string) => steps.filter((s) => s.status === status).length;
  if (isFinished(job.status) && count('pending') + count('running') + count('waitingApproval') > 0) out.push(`job ${job.id}: ${job.status} but has unfinished steps`);
  if (job.status === 'running' && count('running') !== 1) out.push(`job ${job.id}: running with ${count('running')} running steps`);
  if (job.status !== 'running' && count('running') > 0) out.push(`job ${job.id}: ${job.status} but a step is running`);
  if (job.status === 'waitingApproval' && (count('waitingApproval') !== 1 || !job.approvalTeam)) out.push(`job ${job.id}: waitingApproval without one approval step and team`);
  if (job.id >= store.nextJobId) out.push(`job ${job.id}: id not below nextJobId ${store.nextJobId}`);
  if (ACTIVE.has(job.status)) {
    const earlier = jobsOfWorkspace(store, job.workspaceId).filter((o) => o.id < job.id && !isFinished(o.status));
    if (earlier.length > 0) out.push(`job ${job.id}: ${job.status} while earlier job ${earlier[0]!.id} of its workspace is unfinished`);
  }
  return out;
}

export function invariants(store: TerrakubeStore): string[] {
  const out: string[] = [];
  for (const job of store.jobs.values()) out.push(...jobProblems(store, job));
  for (const step of store.steps.values()) {
    if (!store.jobs.get(String(step.jobId))?.stepIds.includes(step.id)) out.push(`step ${step.id}: not listed by job ${step.jobId}`);
  }
  return out;
}
