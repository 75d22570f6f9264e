import { describe, expect, it } from 'vitest';
import { createRandom } from '../../state/random.js';
import { createAuthToken, createMeteorId, isMeteorId, METEOR_ID_ALPHABET } from './ids.js';

describe('exabyte: ids', () => {
  it('draws 17-character Meteor ids from the unambiguous alphabet', () => {
    const random = createRandom(7);
    for (let i = 0; i < 200; i++) {
      const id = createMeteorId(random);
      expect(id).toHaveLength(17);
      expect([...id].every((c) => METEOR_ID_ALPHABET.includes(c))).toBe(true);
      expect(isMeteorId(id)).toBe(true);
    }
  });

  it('draws the same ids for the same seed', () => {
    const a = createRandom(3);
    const b = createRandom(3);
    expect([1, 2, 3].map(() => createMeteorId(a))).toEqual([1, 2, 3].map(() => createMeteorId(b)));
  });

  it('draws again when an id is taken', () => {
    const first = createMeteorId(createRandom(5));
    const next = createMeteorId(createRandom(5), (id) => id === first);
    expect(next).not.toBe(first);
  });

  it("recognises the seed's ids and refuses other shapes", () => {
    for (const id of ['RhCFP2WuehvG4hCLp', 'HmeWjp69jHYkZYMkh', 'fbdpsNf4oHiX79vMJ']) expect(isMeteorId(id)).toBe(true);
    for (const id of ['RhCFP2WuehvG4hCL', 'RhCFP2WuehvG4hCLpp', 'RhCFP2WuehvG4hCl1', 'IOUVl0123456789ab', 42]) expect(isMeteorId(id)).toBe(false);
  });

  it('mints 43-character base64url login tokens', () => {
    expect(createAuthToken(createRandom(1))).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
