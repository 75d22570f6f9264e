import type { components } from '../../generated/contenthub.js';
import { showCultureValues } from './cultures.js';
import { definitionLink, descriptionLink, entityLink, jobLink, relationLink, targetLink } from './links.js';
import type { DescriptionRecord, EntityMeta, JobRecord, TargetRecord } from './records.js';

type Schemas = components['schemas'];
type Link = Schemas['Link'];

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** The fields every entity resource carries, as Content Hub's Entities API shapes them. */
function base(entity: EntityMeta, definition: string, cultures: readonly string[], self: Link): Schemas['EntityBase'] {
  return {
    id: entity.id,
    identifier: entity.identifier,
    cultures: [...cultures],
    created_by: entityLink(entity.createdBy),
    created_on: iso(entity.createdOn),
    modified_by: entityLink(entity.modifiedBy),
    modified_on: iso(entity.modifiedOn),
    locked_by: null,
    locked_on: null,
    entitydefinition: definitionLink(definition),
    is_root_taxonomy_item: false,
    is_path_root: false,
    inherits_security: true,
    is_system_owned: false,
    version: entity.version,
    self,
  };
}

/** A job as `GET /api/v2/jobs/{id}` returns it: relations as links only, Job.Title only for asked cultures. */
export function jobToApi(job: JobRecord, cultures: readonly string[]): Schemas['Job'] {
  const properties: Schemas['JobProperties'] = {
    'Job.Type': job.type,
    'Job.State': job.state,
    'Job.Condition': job.condition,
    'Job.Message': job.message,
    'Job.TargetCount': job.targetCount,
    'Job.TargetsCompleted': job.targetsCompleted,
    'Job.TargetsFailed': job.targetsFailed,
    'Job.StartedOn': isoOrNull(job.startedOn),
    'Job.EndedOn': isoOrNull(job.endedOn),
  };
  if (cultures.length > 0) properties['Job.Title'] = showCultureValues(job.title, cultures);
  return {
    ...base(job, 'M.Job', cultures, jobLink(job.id)),
    properties,
    relations: {
      JobToJobTarget: relationLink(job.id, 'JobToJobTarget'),
      JobToJobDescription: relationLink(job.id, 'JobToJobDescription'),
    },
  };
}

const parentRelation = (childId: number, relation: string, parentId: number | null): Schemas['ParentRelation'] => ({
  parent: parentId === null ? null : entityLink(parentId),
  inherits_security: true,
  self: relationLink(childId, relation),
});

export function targetToApi(target: TargetRecord, cultures: readonly string[]): Schemas['JobTarget'] {
  const properties: Schemas['JobTargetProperties'] = {
    'Target.State': target.state,
    'Target.Condition': target.condition,
    'Target.Location': target.location,
    'Target.StartedOn': isoOrNull(target.startedOn),
    'Target.EndedOn': isoOrNull(target.endedOn),
  };
  if (cultures.length > 0) properties['Target.Message'] = showCultureValues(target.message, cultures);
  return {
    ...base(target, 'M.Target', cultures, targetLink(target.jobId, target.id)),
    properties,
    relations: {
      JobToJobTarget: parentRelation(target.id, 'JobToJobTarget', target.jobId),
      TargetToEntity: parentRelation(target.id, 'TargetToEntity', target.entityId),
    },
  };
}

export function descriptionToApi(description: DescriptionRecord, cultures: readonly string[]): Schemas['JobDescription'] {
  return {
    ...base(description, 'M.JobDescription', cultures, descriptionLink(description.jobId, description.id)),
    properties: {
      'JobDescription.Configuration': description.configuration === null ? null : structuredClone(description.configuration),
      'JobDescription.Progress': description.progress === null ? null : structuredClone(description.progress),
    },
    relations: { JobToJobDescription: parentRelation(description.id, 'JobToJobDescription', description.jobId) },
  };
}
