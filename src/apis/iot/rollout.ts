/**
 * Targets to executions: a job's target ARNs resolve to things in the caller's registry (a thing
 * group stands for its members, each thing once), and each resolved thing gets a QUEUED execution
 * that the fleet then picks up.
 */
import type { ApiError } from '../../core/api-error.js';
import { awsError } from './errors.js';
import { parseArn } from './ids.js';
import { addExecution, removeExecution } from './lifecycle.js';
import { rollFate, schedulePickup } from './fleet.js';
import { createCollection } from '../../state/collection.js';
import type { ExecutionRecord, IotStore, JobRecord, ScopeState, ThingRecord } from './store.js';

export interface ResolvedTarget {
  thing: ThingRecord;
  /** Reached through a thing group (a CONTINUOUS job's group member can later leave the group). */
  viaGroup: boolean;
}

/**
 * The things the targets stand for, in target order, each once. A target in another account or
 * region, or one that is not registered, is a 404 ResourceNotFoundException: the caller cannot see it.
 */
export function resolveTargets(scope: ScopeState, targets: readonly string[]): ResolvedTarget[] | ApiError {
  const seen = new Set<string>();
  const out: ResolvedTarget[] = [];
  const add = (thing: ThingRecord, viaGroup: boolean) => {
    if (seen.has(thing.thingName)) return;
    seen.add(thing.thingName);
    out.push({ thing, viaGroup });
  };
  for (const target of targets) {
    const arn = parseArn(target);
    const local = arn && arn.account === scope.account && arn.region === scope.region;
    if (arn?.type === 'thinggroup') {
      const group = local ? scope.groups.get(arn.name) : undefined;
      if (!group) return awsError('ResourceNotFoundException', `Thing group ${arn.name} does not exist.`);
      for (const name of group.members) {
        const member = scope.things.get(name);
        if (member) add(member, true);
      }
    } else {
      const name = arn?.name ?? target;
      const thing = local ? scope.things.get(name) : undefined;
      if (!thing) return awsError('ResourceNotFoundException', `Thing ${name} does not exist.`);
      add(thing, false);
    }
  }
  return out;
}

/** Queues a new execution of the job on the thing (the next execution number for that thing). */
export function queueExecution(store: IotStore, scope: ScopeState, job: JobRecord, target: ResolvedTarget, at: number): ExecutionRecord {
  const { thingName, thingArn } = target.thing;
  const executionNumber = (job.executionNumbers.get(thingName) ?? 0) + 1;
  job.executionNumbers.set(thingName, executionNumber);
  // One literal, no spread: an object built by spreading carries an over-sized property store (≈ 400 B
  // more per execution, measured), and a store holds up to 100,000 jobs' executions.
  const execution: ExecutionRecord = {
    thingName,
    executionNumber,
    retryAttempt: 0,
    jobId: job.jobId,
    thingArn,
    status: 'QUEUED',
    forceCanceled: false,
    statusDetails: new Map(),
    queuedAt: at,
    lastUpdatedAt: at,
    versionNumber: 1,
    fate: rollFate(store, job, { thingName, executionNumber, retryAttempt: 0 }, target.viaGroup && job.targetSelection === 'CONTINUOUS'),
  };
  addExecution(job, execution);
  linkThing(scope, thingName, job.jobId);
  schedulePickup(store, scope, job, execution, at);
  return execution;
}

/** Records that the thing has an execution of the job (for the per-thing list, latest last). */
export function linkThing(scope: ScopeState, thingName: string, jobId: string): void {
  let jobs = scope.thingJobs.get(thingName);
  if (!jobs) {
    jobs = createCollection();
    scope.thingJobs.set(thingName, jobs);
  }
  jobs.delete(jobId);
  jobs.set(jobId, jobId);
}

/** DeleteJobExecution: the execution goes, with its pending device events. */
export function deleteExecution(store: IotStore, scope: ScopeState, job: JobRecord, execution: ExecutionRecord, at: number): void {
  store.scheduler.cancelOwned([job.jobId], (e) => e.kind !== 'purge' && e.scope === scope.key && e.thingName === execution.thingName);
  scope.thingJobs.get(execution.thingName)?.delete(job.jobId);
  removeExecution(job, execution, at);
}
