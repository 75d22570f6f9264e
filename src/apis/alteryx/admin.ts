/**
 * The admin side of the store: /__admin/seed loads API-shaped records (checked against the spec's
 * JobView and the kit's workflow schema), /__admin/state shows the store, and the invariants list
 * anything the lifecycle could not have produced.
 */
import type { ValidateFunction } from 'ajv';
import { ApiError } from '../../core/api-error.js';
import { formatDiagnostic } from '../../core/diagnostic.js';
import spec from '../../generated/alteryx.spec.js';
import { createAjvPair, rewriteRefs } from '../../validation/create-ajv.js';
import { toDiagnostics } from '../../validation/to-diagnostics.js';
import { DEV_USERS, findUser } from './auth.js';
import { WORKFLOW_SCHEMA } from './record-schemas.js';
import { isConsistent, jobsInFlight } from './lifecycle.js';
import { isInCreationOrder, loadRecords, type AlteryxStore, type FixtureRecords, type JobView, type WorkflowRecord } from './store.js';

let validators: { job: ValidateFunction; workflow: ValidateFunction } | undefined;

/** Compiled on first use: seeding is rare, and start-up should not pay for it. */
function getValidators(): { job: ValidateFunction; workflow: ValidateFunction } {
  if (!validators) {
    const { exact } = createAjvPair('alteryx', spec);
    validators = { job: exact.getSchema('urn:jobs-kit:alteryx:schemas:JobView')!, workflow: exact.compile(rewriteRefs('alteryx', WORKFLOW_SCHEMA, new Set()) as object) };
  }
  return validators;
}

function invalid(message: string): ApiError {
  return new ApiError('validation_failed', message);
}

function check(validate: ValidateFunction, item: unknown, where: string): ApiError | undefined {
  if (validate(item)) return undefined;
  return invalid(`${where}: ${toDiagnostics('body', validate.errors).map(formatDiagnostic).join('; ')}`);
}

/**
 * Seeds `{ workflows?: [...], jobs?: [JobView & { ownerId? }] }`. A job's workflow must exist (or
 * come in the same seed); its owner defaults to the workflow's owner; queued and running jobs run on
 * from now. Nothing is loaded unless everything is valid.
 */
export function seed(store: AlteryxStore, data: unknown, context: { clock: { now(): number } }): { loaded: number } | ApiError {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return invalid('seed data must be an object { workflows?: [...], jobs?: [...] }');
  const { workflows = [], jobs = [] } = data as { workflows?: unknown; jobs?: unknown };
  if (!Array.isArray(workflows) || !Array.isArray(jobs)) return invalid('workflows and jobs must be arrays');
  const { job: validateJob, workflow: validateWorkflow } = getValidators();
  const records: FixtureRecords = { workflows: [], jobs: [], owners: [] };
  const known = new Set(store.workflows.keys());
  for (const [i, item] of workflows.entries()) {
    const problem = check(validateWorkflow, item, `workflows[${i}]`);
    if (problem) return problem;
    records.workflows.push(item as WorkflowRecord);
    known.add((item as WorkflowRecord).id);
  }
  for (const [i, item] of jobs.entries()) {
    const { ownerId, ...job } = item as JobView & { ownerId?: unknown };
    const problem = check(validateJob, job, `jobs[${i}]`);
    if (problem) return problem;
    if (!known.has(job.appId)) return invalid(`jobs[${i}]: appId ${job.appId} is not a known workflow`);
    if (!isConsistent(job.status, job.disposition)) return invalid(`jobs[${i}]: status ${job.status} cannot have disposition ${job.disposition}`);
    if (Number.isNaN(Date.parse(job.createDateTime))) return invalid(`jobs[${i}]: createDateTime is not a date`);
    if (ownerId !== undefined) {
      if (typeof ownerId !== 'string' || !findUser(ownerId)) return invalid(`jobs[${i}]: ownerId must be one of ${DEV_USERS.map((u) => u.principal.id).join(', ')}`);
      records.owners.push({ jobId: job.id, ownerId });
    }
    records.jobs.push(job);
  }
  return { loaded: loadRecords(store, records, context.clock.now()) };
}

export function snapshot(store: AlteryxStore): unknown {
  return {
    users: DEV_USERS.map((u) => ({ ...u.principal, apiKey: u.apiKey })),
    workflows: [...store.workflows.values()],
    jobs: [...store.jobs.values()].map((s) => ({ ...s.job, ownerId: s.ownerId })),
    liveTokens: store.tokens.size,
    pendingEvents: store.scheduler.size,
  };
}

/** Violations of what the lifecycle guarantees. */
export function invariants(store: AlteryxStore): string[] {
  const problems: string[] = [];
  const inFlight = jobsInFlight(store);
  if (!isInCreationOrder(store)) problems.push('jobs are not in creation order (list paging would skip or repeat jobs)');
  for (const { job, ownerId } of store.jobs.values()) {
    const where = `job ${job.id}`;
    if (!store.workflows.has(job.appId)) problems.push(`${where}: workflow ${job.appId} does not exist`);
    if (!findUser(ownerId)) problems.push(`${where}: owner ${ownerId} is not a user`);
    if (!isConsistent(job.status, job.disposition)) problems.push(`${where}: status ${job.status} with disposition ${job.disposition}`);
    if ((job.status === 'Queued' || job.status === 'Running') && !inFlight.has(job.id)) problems.push(`${where}: ${job.status} but nothing will move it on`);
    if (job.status === 'Queued' && job.messages.length > 0) problems.push(`${where}: queued yet has messages`);
    if (job.outputs.length > 0 && job.disposition !== 'Success' && job.disposition !== 'Warning') problems.push(`${where}: outputs without a successful run`);
  }
  return problems;
}
