import { describe, expect, it } from 'vitest';
import { createRandom } from '../state/random.js';
import { deriveUnknownId } from './derive-unknown-id.js';

const matches = (pattern: RegExp) => (candidate: string) => pattern.test(candidate);

describe('contract: deriving an unknown id', () => {
  it('keeps a hex ObjectId hex and the same length', () => {
    const id = deriveUnknownId('66ebd18d3d6200007e000d8c', matches(/^[0-9a-f]{24}$/), createRandom(1));
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(id).not.toBe('66ebd18d3d6200007e000d8c');
  });
  it('keeps prefixes and separators of a UUID and passes its pattern', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const id = deriveUnknownId('3f2b8c1e-9d4a-4f6b-8e2c-1a7d9b3c5e8f', matches(uuid), createRandom(2));
    expect(id).toMatch(uuid);
  });
  it('lengthens digit-only ids to nines, as small numbers are likely taken', () => {
    expect(deriveUnknownId('7', matches(/^\d+$/), createRandom(1))).toBe('999999999');
  });
  it('widens to the whole alphabet when hex letters cannot satisfy the schema', () => {
    const id = deriveUnknownId('RhCFP2WuehvG4hCLp', matches(/^[A-Za-z0-9]{17}$/), createRandom(3));
    expect(id).toMatch(/^[A-Za-z0-9]{17}$/);
    expect(id).not.toBe('RhCFP2WuehvG4hCLp');
  });
  it('gives up (undefined) when no candidate passes the schema', () => {
    expect(deriveUnknownId('j0001', () => false, createRandom(1))).toBeUndefined();
  });
  it('is deterministic for a seed', () => {
    const accept = matches(/^j\d{4}$/);
    expect(deriveUnknownId('j0001', accept, createRandom(5))).toBe(deriveUnknownId('j0001', accept, createRandom(5)));
  });
});
