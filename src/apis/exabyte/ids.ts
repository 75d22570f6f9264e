import type { Random } from '../../state/random.js';

/** Meteor's `Random.id()` alphabet: no 0/1, I, O, U, V or l, so ids read unambiguously. */
export const METEOR_ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';
export const METEOR_ID_LENGTH = 17;
const METEOR_ID = /^[2-9A-HJ-NP-TW-Za-km-z]{17}$/;

/** The alphabet of Meteor login tokens (`Random.secret()`: 43 base64url characters). */
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const TOKEN_LENGTH = 43;

export function isMeteorId(value: unknown): value is string {
  return typeof value === 'string' && METEOR_ID.test(value);
}

/** A fresh 17-character Meteor id, drawn again in the (astronomically rare) case it is taken. */
export function createMeteorId(random: Random, isTaken: (id: string) => boolean = () => false): string {
  for (;;) {
    const id = random.chars(METEOR_ID_ALPHABET, METEOR_ID_LENGTH);
    if (!isTaken(id)) return id;
  }
}

/** A login token shaped like the platform's (`tZ7-8vWHW3EvRHyadvl7TC3JnLrO_DlkSlK_LkicYgU`). */
export function createAuthToken(random: Random): string {
  return random.chars(TOKEN_ALPHABET, TOKEN_LENGTH);
}
