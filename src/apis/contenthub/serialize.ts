import type { components } from '../../generated/contenthub.js';
import { showCultureValues } from './cultures.js';
import type { Links } from './links.js';
import type { DescriptionRecord, EntityMeta, JobRecord, TargetRecord } from './records.js';

type Schemas = components['schemas'];
type Link = Schemas['Link'];

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** The fields every entity resource carries, as Content Hub's Entities API shapes them. */
function base(links: Links, entity: EntityMeta, definition: string, cultures: readonly string[], self: Link): Schemas['EntityBase'] {
  return {
    id: entity.id,
    identifier: entity.identifier,
    cultures: [...cultures],
    created_by: links.entity(entity.createdBy),
    created_on: iso(entity.createdOn),
    modified_by: links.entity(entity.modifiedBy),
    modified_on: iso(entity.modifiedOn),
    locked_by: null,
    locked_on: null,
    entitydefinition: links.definition(definition),
    is_root_taxonomy_item: false,
    is_path_root: false,
    inherits_security: true,
    is_system_owned: false,
    version: entity.version,
    self,
  };
}

/**
 * A job as `GET /api/v2/jobs/{id}` returns it: relations as links only, Job.Title only for asked cultures.
 * `links` says where the hrefs start (the request's mount URL, or the real host: see links.ts).
 */
export function jobToApi(job: JobRecord, cultures: readonly string[], links: Links): Schemas['Job'] {
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
    ...base(links, job, 'M.Job', cultures, links.job(job.id)),
    properties,
    relations: {
      JobToJobTarget: links.relation(job.id, 'JobToJobTarget'),
      JobToJobDescription: links.relation(job.id, 'JobToJobDescription'),
    },
  };
}

const parentRelation = (links: Links, childId: number, relation: string, parentId: number | null): Schemas['ParentRelation'] => ({
  parent: parentId === null ? null : links.entity(parentId),
  inherits_security: true,
  self: links.relation(childId, relation),
});

export function targetToApi(target: TargetRecord, cultures: readonly string[], links: Links): Schemas['JobTarget'] {
  const properties: Schemas['JobTargetProperties'] = {
    'Target.State': target.state,
    'Target.Condition': target.condition,
    'Target.Location': target.location,
    'Target.StartedOn': isoOrNull(target.startedOn),
    'Target.EndedOn': isoOrNull(target.endedOn),
  };
  if (cultures.length > 0) properties['Target.Message'] = showCultureValues(target.message, cultures);
  return {
    ...base(links, target, 'M.Target', cultures, links.target(target.jobId, target.id)),
    properties,
    relations: {
      JobToJobTarget: parentRelation(links, target.id, 'JobToJobTarget', target.jobId),
      TargetToEntity: parentRelation(links, target.id, 'TargetToEntity', target.entityId),
    },
  };
}

export function descriptionToApi(description: DescriptionRecord, cultures: readonly string[], links: Links): Schemas['JobDescription'] {
  return {
    ...base(links, description, 'M.JobDescription', cultures, links.description(description.jobId, description.id)),
    properties: {
      'JobDescription.Configuration': description.configuration === null ? null : structuredClone(description.configuration),
      'JobDescription.Progress': description.progress === null ? null : structuredClone(description.progress),
    },
    relations: { JobToJobDescription: parentRelation(links, description.id, 'JobToJobDescription', description.jobId) },
  };
}
