/**
 * Terrakube's identifiers and timestamps.
 *
 * - Jobs are keyed by a database identity `int` (`Job.id`, GenerationType.IDENTITY): 1, 2, 3...,
 *   carried as strings in JSON:API documents.
 * - Organizations, workspaces, templates and steps are UUIDs (`@GeneratedValue(strategy = UUID)`),
 *   rendered lower-case by `UUID.toString()`.
 * - Dates leave Elide as `yyyy-MM-dd'T'HH:mm'Z'` in UTC: the Elide Spring Boot starter registers
 *   `withISO8601Dates("yyyy-MM-dd'T'HH:mm'Z'", UTC)`, so seconds are dropped on the wire.
 */
export const JOB_ID_PATTERN = /^[0-9]{1,10}$/;
export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const ELIDE_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})Z$/;

export function isJobId(value: unknown): value is string {
  return typeof value === 'string' && JOB_ID_PATTERN.test(value);
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** The integer a job id string names (`'007'` → 7), or undefined beyond Java's int range. */
export function parseJobId(id: string): number | undefined {
  if (!isJobId(id)) return undefined;
  const n = Number(id);
  return n <= 2147483647 ? n : undefined;
}

export function formatJobId(id: number): string {
  return String(id);
}

/** Epoch ms → `2025-01-01T00:00Z` (minutes, UTC), as Elide serialises a `java.util.Date`. */
export function formatElideDate(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16)}Z`;
}

/** `2025-01-01T00:00Z` → epoch ms; undefined when the text is not in Elide's date form. */
export function parseElideDate(text: string): number | undefined {
  const m = ELIDE_DATE_PATTERN.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  return formatElideDate(ms) === text ? ms : undefined;
}
