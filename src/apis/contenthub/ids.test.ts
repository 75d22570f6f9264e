import { describe, expect, it } from 'vitest';
import { createRandom } from '../../state/random.js';
import { entityIdFromHref, newIdentifier } from './ids.js';
import { ORIGIN } from './links.js';

describe('contenthub: ids and identifiers', () => {
  it('reads the entity id at the end of an entity link', () => {
    expect(entityIdFromHref(`${ORIGIN}/api/entities/39309`)).toBe(39309);
    expect(entityIdFromHref('https://elsewhere.example/api/entities/7')).toBe(7);
  });

  it('refuses links that are not entity links or hold no usable id', () => {
    for (const href of [`${ORIGIN}/api/v2/jobs/39309`, `${ORIGIN}/api/entities/0`, `${ORIGIN}/api/entities/39309/relations/X`, `${ORIGIN}/api/entities/99999999999999999999`]) {
      expect(entityIdFromHref(href), href).toBeUndefined();
    }
  });

  it('generates 22-character alphanumeric identifiers, the same for the same seed', () => {
    const a = Array.from({ length: 5 }, ((r) => () => newIdentifier(r))(createRandom(3)));
    const b = Array.from({ length: 5 }, ((r) => () => newIdentifier(r))(createRandom(3)));
    expect(a).toEqual(b);
    for (const id of a) expect(id).toMatch(/^[A-Za-z0-9]{22}$/);
    expect(new Set(a).size).toBe(5);
  });
});
