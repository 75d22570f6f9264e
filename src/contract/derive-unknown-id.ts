import type { Random } from '../state/random.js';

const CLASSES = ['0123456789', 'abcdef', 'ABCDEF', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/** The narrowest class holding `ch` (hex letters first, so hex ids stay hex), or undefined (kept as is). */
function classOf(ch: string, narrow: boolean): string | undefined {
  return CLASSES.find((c, i) => c.includes(ch) && (narrow || i === 0 || i >= 3));
}

/**
 * An id that has the shape of `known` but names nothing: characters replaced within their own class
 * (digits by digits, hex letters by hex letters, ...), separators and prefixes kept, so the id still
 * passes the parameter's schema and a 404 is the only right answer. `accepts` is the schema check;
 * the first tries stay within hex, later ones widen to the whole alphabet. Digit-only ids are
 * lengthened to nines instead, as small numbers are likely to exist.
 */
export function deriveUnknownId(known: string, accepts: (candidate: string) => boolean, random: Random, exclude: ReadonlySet<string> = new Set()): string | undefined {
  const ok = (c: string) => c !== known && !exclude.has(c) && accepts(c);
  if (/^\d+$/.test(known)) {
    for (const candidate of ['9'.repeat(Math.max(known.length, 9)), '9'.repeat(known.length)]) if (ok(candidate)) return candidate;
  }
  for (let attempt = 0; attempt < 24; attempt++) {
    const narrow = attempt < 12;
    const chars = [...known];
    const positions = chars.map((ch, i) => (classOf(ch, narrow) ? i : -1)).filter((i) => i >= 0);
    // Change the last few class characters: ids often share a prefix (timestamps, tenants) and differ at the end.
    for (const i of positions.slice(-Math.min(6, Math.max(1, Math.ceil(positions.length / 2))))) {
      const alphabet = classOf(chars[i]!, narrow)!;
      let next = chars[i]!;
      while (next === chars[i] && alphabet.length > 1) next = alphabet[random.int(0, alphabet.length - 1)]!;
      chars[i] = next;
    }
    const candidate = chars.join('');
    if (ok(candidate)) return candidate;
  }
  return undefined;
}
