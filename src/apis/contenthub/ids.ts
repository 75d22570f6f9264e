import type { Random } from '../../state/random.js';

/**
 * Content Hub ids: every entity (jobs, targets, descriptions, users) shares one int64 id space that
 * grows by one per created entity. The seed's examples sit around 39000 (job 39309, target 39605),
 * so the fixtures start there.
 */
export const FIRST_FIXTURE_ID = 39309;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A generated identifier, 22 characters like the reference's example `nYrCIN0aQxCqY4qbHbwAlg` (identifiers
 * "must be alphanumeric, and can contain periods, underscores, and hyphens"; the spec's pattern checks sent ones).
 */
export function newIdentifier(random: Random): string {
  return random.chars(ALPHANUMERIC, 22);
}

/** The entity id at the end of an entity link (`https://host/api/entities/39309`), or undefined. */
export function entityIdFromHref(href: string): number | undefined {
  const match = /\/api\/entities\/([0-9]{1,18})$/.exec(href);
  if (!match) return undefined;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
