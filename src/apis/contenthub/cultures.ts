import { ApiError } from '../../core/api-error.js';
import type { components } from '../../generated/contenthub.js';

type CultureValues = components['schemas']['CultureValues'];

/** The cultures enabled on the mock's Content Hub instance. */
export const ENABLED_CULTURES = ['en-US', 'fr-FR', 'de-DE', 'nl-NL', 'ja-JP'] as const;

/** A multi-language property value: culture → text; a culture that is absent has no value (null). */
export type CultureMap = Map<string, string>;

const isEnabled = (culture: string): boolean => (ENABLED_CULTURES as readonly string[]).includes(culture);

function notEnabled(culture: string, field: string): ApiError {
  const message = `Culture '${culture}' is not enabled. Enabled cultures: ${ENABLED_CULTURES.join(', ')}.`;
  return new ApiError('validation_failed', message, { detail: { field } });
}

/**
 * The `cultures` query of a read: the list as given (duplicates dropped, order kept). Multi-language
 * properties are only returned for these; an empty list leaves them out, as the reference says.
 */
export function readCultures(query: Record<string, unknown>): string[] | ApiError {
  const raw = query['cultures'];
  const list = Array.isArray(raw) ? (raw as string[]) : raw === undefined ? [] : [String(raw)];
  const unique = [...new Set(list)];
  const unknown = unique.find((c) => !isEnabled(c));
  return unknown === undefined ? unique : notEnabled(unknown, 'cultures');
}

/** The value as a read shows it: one entry per asked culture, null where the culture has no text. */
export function showCultureValues(map: CultureMap, cultures: readonly string[]): CultureValues {
  const out: CultureValues = {};
  for (const culture of cultures) out[culture] = map.get(culture) ?? null;
  return out;
}

/**
 * Applies a sent culture map. `replace` (PUT, create) starts from nothing; otherwise (PATCH) only the
 * sent cultures change. A culture sent as null loses its value. User keys go into a Map, never an object.
 */
export function applyCultureValues(current: CultureMap, sent: CultureValues | null, replace: boolean, field: string): CultureMap | ApiError {
  const next: CultureMap = replace || sent === null ? new Map() : new Map(current);
  if (sent === null) return next;
  for (const [culture, value] of Object.entries(sent)) {
    if (!isEnabled(culture)) return notEnabled(culture, field);
    if (value === null) next.delete(culture);
    else next.set(culture, value);
  }
  return next;
}

/** Reads a culture map from an API-shaped record (fixtures, seed): every culture must be enabled. */
export function cultureMapFrom(values: CultureValues | null | undefined, field: string): CultureMap | ApiError {
  return applyCultureValues(new Map(), values ?? null, true, field);
}
