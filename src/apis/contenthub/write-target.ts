import { ApiError } from '../../core/api-error.js';
import type { components } from '../../generated/contenthub.js';
import { applyCultureValues, type CultureMap } from './cultures.js';
import { setIdentifier, touch } from './entities.js';
import { entityIdFromHref, newIdentifier } from './ids.js';
import { isTargetPair, type JobRecord, type TargetCondition, type TargetRecord, type TargetState } from './records.js';
import type { ContentHubStore } from './store.js';
import { checkBodyId, checkIdentifier, checkJobRelation, invalid, sent, type WriteMode } from './write-common.js';

type Schemas = components['schemas'];
export type TargetBody = Schemas['JobTargetWrite'] | Schemas['JobTargetReplace'];

/** The values a target will have after a write, checked but not yet applied. */
export interface TargetChange {
  identifier: string | undefined;
  state: TargetState;
  condition: TargetCondition;
  location: string | null;
  message: CultureMap;
  startedOn: number | null;
  endedOn: number | null;
  entityId: number | null;
}

const dateOrNull = (value: string | null | undefined): number | null => (value === null || value === undefined ? null : Date.parse(value));

/**
 * Works out a target write. create: unsent properties are null, state and condition start Pending/Pending;
 * replace (PUT): unsent properties and relations become null ("Properties or relations not included in
 * the request will be set to null"); merge (PATCH): only sent members change, culture maps per culture.
 */
export function planTargetWrite(store: ContentHubStore, job: JobRecord, current: TargetRecord | undefined, body: TargetBody, mode: WriteMode, taken?: ReadonlySet<string>): TargetChange | ApiError {
  const idProblem = checkBodyId(body, mode, current?.id, 'target');
  if (idProblem) return idProblem;
  const identifierProblem = checkIdentifier(store, body, current?.id ?? -1, taken);
  if (identifierProblem) return identifierProblem;
  const p = body.properties ?? {};
  const r = body.relations ?? {};
  const keep = mode === 'merge' && current !== undefined;
  const pick = <V>(key: keyof typeof p, value: () => V, kept: V | undefined, fresh: V): V => (sent(p, key) ? value() : keep ? (kept as V) : fresh);

  const state = pick('Target.State', () => p['Target.State']!, current?.state, 'Pending');
  const condition = pick('Target.Condition', () => p['Target.Condition']!, current?.condition, 'Pending');
  if (!isTargetPair(state, condition)) {
    return invalid('properties', `${state}/${condition} is not a Target.State/Target.Condition pair; use Pending/Pending, InProgress/None, Completed/Success, Completed/Failure or Cancelled/Cancelled.`);
  }
  const message = sent(p, 'Target.Message') ? applyCultureValues(current?.message ?? new Map(), p['Target.Message'] ?? null, !keep, 'properties.Target.Message') : keep ? current!.message : new Map<string, string>();
  if (message instanceof ApiError) return message;
  const relationProblem = checkJobRelation(r.JobToJobTarget, job.id, 'relations.JobToJobTarget');
  if (relationProblem) return relationProblem;
  const entity = r.TargetToEntity;
  return {
    identifier: typeof body.identifier === 'string' ? body.identifier : undefined,
    state,
    condition,
    location: pick('Target.Location', () => p['Target.Location'] ?? null, current?.location, null),
    message,
    startedOn: pick('Target.StartedOn', () => dateOrNull(p['Target.StartedOn']), current?.startedOn, null),
    endedOn: pick('Target.EndedOn', () => dateOrNull(p['Target.EndedOn']), current?.endedOn, null),
    entityId: entity !== undefined ? (entity.parent === null ? null : entityIdFromHref(entity.parent.href)!) : keep ? current!.entityId : null,
  };
}

function assign(target: TargetRecord, change: TargetChange): void {
  target.state = change.state;
  target.condition = change.condition;
  target.location = change.location;
  target.message = change.message;
  target.startedOn = change.startedOn;
  target.endedOn = change.endedOn;
  target.entityId = change.entityId;
}

/** Applies a planned change to an existing target. */
export function applyTargetChange(store: ContentHubStore, target: TargetRecord, change: TargetChange, by: number, at: number): void {
  assign(target, change);
  if (change.identifier !== undefined) setIdentifier(store, target, change.identifier);
  touch(target, by, at);
}

/** A new target record from a planned create (not yet stored). */
export function newTarget(store: ContentHubStore, job: JobRecord, id: number, change: TargetChange, by: number, at: number): TargetRecord {
  const target: TargetRecord = {
    id,
    identifier: change.identifier ?? newIdentifier(store.random),
    createdBy: by,
    createdOn: at,
    modifiedBy: by,
    modifiedOn: at,
    version: 1,
    jobId: job.id,
    state: 'Pending',
    condition: 'Pending',
    location: null,
    message: new Map(),
    startedOn: null,
    endedOn: null,
    entityId: null,
  };
  assign(target, change);
  return target;
}
