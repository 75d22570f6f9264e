import type { components } from '../../generated/contenthub.js';
import type { Collection } from '../../state/collection.js';
import type { CultureMap } from './cultures.js';

export type JobState = components['schemas']['JobState'];
export type JobCondition = components['schemas']['JobCondition'];
export type TargetState = components['schemas']['TargetState'];
export type TargetCondition = components['schemas']['TargetCondition'];
export type JsonObject = { [key: string]: unknown };

/** What every stored entity carries. Times are epoch ms on the virtual clock; users are entity ids. */
export interface EntityMeta {
  id: number;
  identifier: string;
  createdBy: number;
  createdOn: number;
  modifiedBy: number;
  modifiedOn: number;
  version: number;
}

/** An `M.Job`. Its creator owns it; `readers` may read it too (Content Hub permissions, simplified). */
export interface JobRecord extends EntityMeta {
  type: string;
  state: JobState;
  condition: JobCondition;
  title: CultureMap;
  message: string | null;
  startedOn: number | null;
  endedOn: number | null;
  /** Kept equal to the targets by `recount` (Job.TargetCount, Job.TargetsCompleted, Job.TargetsFailed). */
  targetCount: number;
  targetsCompleted: number;
  targetsFailed: number;
  /** Users (entity ids) with read permission besides the creator. */
  readers: number[];
  /** How long a queued job waits for a worker; null: no worker ever picks it up (it fails after 48 h). */
  pickupDelayMs: number | null;
  /** When the job entered Pending/Pending (the 48-hour rule counts from here). */
  pendingSince: number | null;
  /** The target the simulated worker is processing, if any. */
  workerTarget: number | null;
  descriptionId: number | null;
  /** The job's targets in creation order (paged by skip/take). */
  targets: Collection<TargetRecord>;
}

/** An `M.Target`. */
export interface TargetRecord extends EntityMeta {
  jobId: number;
  state: TargetState;
  condition: TargetCondition;
  location: string | null;
  message: CultureMap;
  startedOn: number | null;
  endedOn: number | null;
  /** The entity the target works on (relation TargetToEntity). */
  entityId: number | null;
}

/** The `M.JobDescription` of a job. */
export interface DescriptionRecord extends EntityMeta {
  jobId: number;
  configuration: JsonObject | null;
  progress: JsonObject | null;
}

/** State/condition pairs as Content Hub documents them (doc.sitecore.com/ch/en/users/content-hub/job-state.html). */
export const JOB_PAIRS: ReadonlyArray<readonly [JobState, JobCondition]> = [
  ['Created', 'Pending'],
  ['Pending', 'Pending'],
  ['InProgress', 'None'],
  ['Completed', 'Success'],
  ['Completed', 'Failure'],
  ['Cancelled', 'Cancelled'],
];

/** Targets use the same pairs, without Created (a target is queued as soon as it exists). */
export const TARGET_PAIRS: ReadonlyArray<readonly [TargetState, TargetCondition]> = JOB_PAIRS.filter(([s]) => s !== 'Created') as ReadonlyArray<
  readonly [TargetState, TargetCondition]
>;

export const isJobPair = (state: string, condition: string): boolean => JOB_PAIRS.some(([s, c]) => s === state && c === condition);
export const isTargetPair = (state: string, condition: string): boolean => TARGET_PAIRS.some(([s, c]) => s === state && c === condition);

/** The 48-hour rule: "Jobs stuck in a Pending state for over 48 hours are automatically marked as failed." */
export const PENDING_LIMIT_MS = 48 * 60 * 60 * 1000;
