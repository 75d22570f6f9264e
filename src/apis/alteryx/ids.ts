/**
 * Alteryx Server keys its jobs, workflows and outputs by MongoDB ObjectIds: 24 lower-case hex digits
 * made of a 4-byte timestamp (seconds), a 5-byte per-process value and a 3-byte counter, e.g. the
 * seed's 66ebd18d3d6200007e000d8c. The mock uses one process value (the seed example's) and a
 * counter that keeps rising, so ids are unique, sortable by creation and the same for the same seed.
 */
export const OBJECT_ID_PATTERN = /^[0-9a-f]{24}$/;

/** The 5-byte process part of the seed's example id (66ebd18d·3d6200007e·000d8c). */
export const PROCESS_PART = '3d6200007e';

export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && OBJECT_ID_PATTERN.test(value);
}

/** An ObjectId for a moment (epoch ms) and a counter value (taken modulo 2^24, as MongoDB does). */
export function formatObjectId(epochMs: number, counter: number): string {
  const seconds = Math.floor(epochMs / 1000) >>> 0;
  return seconds.toString(16).padStart(8, '0') + PROCESS_PART + (counter & 0xffffff).toString(16).padStart(6, '0');
}

/** The counter part of an ObjectId. */
export function counterOf(id: string): number {
  return parseInt(id.slice(18), 16);
}

/** The creation time (epoch ms, whole seconds) an ObjectId carries. */
export function timeOf(id: string): number {
  return parseInt(id.slice(0, 8), 16) * 1000;
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** An opaque OAuth access token (base64url text, as the Server's OWIN token endpoint issues). */
export function formatAccessToken(draw: (alphabet: string, length: number) => string): string {
  return draw(TOKEN_ALPHABET, 86);
}
