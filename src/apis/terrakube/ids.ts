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

/** Formatted minutes, bounded (cleared when full; any minute can be formatted again). */
const elideDates = new Map<number, string>();

/** Epoch ms → `2025-01-01T00:00Z` (minutes, UTC), as Elide serialises a `java.util.Date`. */
export function formatElideDate(epochMs: number): string {
  // Every job in a list carries several dates, mostly in the same few minutes: formatting through
  // Date/toISOString was 18 % of a list's cost, a lookup by minute is nearly free.
  const minute = Math.floor(epochMs / 60_000);
  let text = elideDates.get(minute);
  if (text === undefined) {
    if (elideDates.size >= 4096) elideDates.clear();
    text = `${new Date(minute * 60_000).toISOString().slice(0, 16)}Z`;
    elideDates.set(minute, text);
  }
  return text;
}

/** `2025-01-01T00:00Z` → epoch ms; undefined when the text is not in Elide's date form. */
export function parseElideDate(text: string): number | undefined {
  const m = ELIDE_DATE_PATTERN.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  return formatElideDate(ms) === text ? ms : undefined;
}
