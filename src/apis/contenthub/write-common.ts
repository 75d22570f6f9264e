import { ApiError } from '../../core/api-error.js';
import type { ContentHubStore } from './store.js';
import { isIdentifierFree } from './entities.js';
import { entityIdFromHref } from './ids.js';

/** How a request body applies: create (POST, PUT of a new description), replace (PUT), merge (PATCH). */
export type WriteMode = 'create' | 'replace' | 'merge';

export const invalid = (field: string, message: string) => new ApiError('validation_failed', message, { detail: { field } });

/** Own members only: request bodies are user JSON, so inherited names never count as sent. */
export const sent = (object: object | null | undefined, key: string): boolean => object !== null && object !== undefined && Object.hasOwn(object, key);

/**
 * The body's `id`: when creating it must be 0, null or absent ("an ID of 0 creates a new ID"); when
 * updating it may also be the entity's own id.
 */
export function checkBodyId(body: { id?: number | null }, mode: WriteMode, ownId: number | undefined, what: string): ApiError | undefined {
  const id = body.id;
  if (id === undefined || id === null || id === 0) return undefined;
  if (mode !== 'create' && id === ownId) return undefined;
  return invalid('id', mode === 'create' ? `An id of 0 (or none) creates a new ${what}; ${id} cannot be chosen.` : `The id ${id} in the body is not the id of this ${what} (${ownId}).`);
}

/** A sent identifier must not belong to another entity; null or absent keeps (or generates) one. */
export function checkIdentifier(store: ContentHubStore, body: { identifier?: string | null }, ownId: number, taken: ReadonlySet<string> = new Set()): ApiError | undefined {
  const identifier = body.identifier;
  if (typeof identifier !== 'string') return undefined;
  if (isIdentifierFree(store, identifier, ownId) && !taken.has(identifier)) return undefined;
  return new ApiError('conflict', `An entity with identifier '${identifier}' already exists.`);
}

/** A relation to the job the path names, when the body sends one: entities cannot move between jobs. */
export function checkJobRelation(relation: { parent: { href: string } } | undefined, jobId: number, field: string): ApiError | undefined {
  if (relation === undefined) return undefined;
  return entityIdFromHref(relation.parent.href) === jobId ? undefined : invalid(field, `The relation must point at job ${jobId}; an entity cannot be moved to another job.`);
}
