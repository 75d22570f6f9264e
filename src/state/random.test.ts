import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';

describe('random: seeded source', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });
  it('keeps ints within bounds and reaches both ends', () => {
    const r = createRandom(3);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(1, 4)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });
  it('makes RFC 4122 version-4 UUIDs', () => {
    const r = createRandom(1);
    for (let i = 0; i < 50; i++) expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('forks independent streams: drawing from one does not shift the other', () => {
    const a = createRandom(5);
    const b = createRandom(5);
    a.fork('faults').next();
    expect(a.fork('ids').hex(8)).toBe(b.fork('ids').hex(8));
    expect(a.fork('ids').hex(8)).not.toBe(a.fork('faults').hex(8));
  });
  it('refuses to pick from an empty list', () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
  });
});
