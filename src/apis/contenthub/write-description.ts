import type { ApiError } from '../../core/api-error.js';
import type { components } from '../../generated/contenthub.js';
import { setIdentifier, touch } from './entities.js';
import { newIdentifier } from './ids.js';
import type { DescriptionRecord, JobRecord, JsonObject } from './records.js';
import type { ContentHubStore } from './store.js';
import { checkBodyId, checkIdentifier, checkJobRelation, sent, type WriteMode } from './write-common.js';

export type DescriptionBody = components['schemas']['JobDescriptionWrite'];

export interface DescriptionChange {
  identifier: string | undefined;
  configuration: JsonObject | null;
  progress: JsonObject | null;
}

const copy = (value: JsonObject | null | undefined): JsonObject | null => (value === null || value === undefined ? null : structuredClone(value));

/**
 * Works out a description write: create and replace (PUT) set unsent properties to null; merge (PATCH)
 * changes only what is sent. JSON property values are replaced whole, never merged into.
 */
export function planDescriptionWrite(store: ContentHubStore, job: JobRecord, current: DescriptionRecord | undefined, body: DescriptionBody, mode: WriteMode): DescriptionChange | ApiError {
  const problem =
    checkBodyId(body, mode, current?.id, 'description') ??
    checkIdentifier(store, body, current?.id ?? -1) ??
    checkJobRelation(body.relations?.JobToJobDescription, job.id, 'relations.JobToJobDescription');
  if (problem) return problem;
  const p = body.properties ?? {};
  const keep = mode === 'merge' && current !== undefined;
  return {
    identifier: typeof body.identifier === 'string' ? body.identifier : undefined,
    configuration: sent(p, 'JobDescription.Configuration') ? copy(p['JobDescription.Configuration']) : keep ? current!.configuration : null,
    progress: sent(p, 'JobDescription.Progress') ? copy(p['JobDescription.Progress']) : keep ? current!.progress : null,
  };
}

export function applyDescriptionChange(store: ContentHubStore, description: DescriptionRecord, change: DescriptionChange, by: number, at: number): void {
  description.configuration = change.configuration;
  description.progress = change.progress;
  if (change.identifier !== undefined) setIdentifier(store, description, change.identifier);
  touch(description, by, at);
}

export function newDescription(store: ContentHubStore, job: JobRecord, id: number, change: DescriptionChange, by: number, at: number): DescriptionRecord {
  return {
    id,
    identifier: change.identifier ?? newIdentifier(store.random),
    createdBy: by,
    createdOn: at,
    modifiedBy: by,
    modifiedOn: at,
    version: 1,
    jobId: job.id,
    configuration: change.configuration,
    progress: change.progress,
  };
}
