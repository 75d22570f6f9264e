import { describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import { applyFields, DEFAULT_LIMIT, parseProjection, sortComparator } from './projection.js';

const refusal = (value: unknown): string => {
  try {
    parseProjection(value);
  } catch (error) {
    if (isApiError(error)) return `${error.status} ${error.message}`;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('exabyte: projection (skip, limit, sort, fields)', () => {
  it("defaults to the seed's 20 results from the start, in natural order", () => {
    expect(parseProjection({})).toEqual({ skip: 0, limit: DEFAULT_LIMIT, sort: [], fields: undefined });
    expect(DEFAULT_LIMIT).toBe(20);
  });

  it('accepts limits from 1 to 500 and refuses others', () => {
    expect(parseProjection({ limit: 500, skip: 40 })).toMatchObject({ limit: 500, skip: 40 });
    for (const limit of [0, 501, 2.5, '10']) expect(refusal({ limit })).toBe('400 projection.limit must be an integer from 1 to 500');
    expect(refusal({ skip: -1 })).toMatch(/skip must be a whole number/);
  });

  it('refuses unknown options and malformed sort or fields', () => {
    expect(refusal({ transform: null })).toMatch(/unsupported option transform/);
    expect(refusal({ sort: { createdAt: 'desc' } })).toMatch(/sort.createdAt must be 1 or -1/);
    expect(refusal({ fields: { name: 1, status: 0 } })).toMatch(/cannot mix inclusion and exclusion/);
    expect(refusal({ fields: { 'compute.queue': 1 } })).toMatch(/only top-level fields/);
    expect(refusal('limit=5')).toMatch(/must be a JSON object/);
  });

  it('sorts by several keys in order, missing values first, stably', () => {
    const docs = [{ n: 2, s: 'b' }, { n: 1, s: 'b' }, { n: 3 }, { n: 4, s: 'a' }];
    const sorted = [...docs].sort(sortComparator(parseProjection({ sort: { s: 1, n: -1 } }).sort));
    expect(sorted.map((d) => d.n)).toEqual([3, 4, 2, 1]);
    const desc = [...docs].sort(sortComparator(parseProjection({ sort: { s: -1 } }).sort));
    expect(desc.map((d) => d.n)).toEqual([2, 1, 4, 3]);
  });

  it('keeps _id with an inclusion, drops it only when asked', () => {
    const doc = { _id: 'x', name: 'n', status: 's', compute: {} };
    expect(applyFields(doc, parseProjection({ fields: { name: 1 } }).fields)).toEqual({ _id: 'x', name: 'n' });
    expect(applyFields(doc, parseProjection({ fields: { name: 1, _id: 0 } }).fields)).toEqual({ name: 'n' });
    expect(applyFields(doc, parseProjection({ fields: { compute: 0 } }).fields)).toEqual({ _id: 'x', name: 'n', status: 's' });
    expect(applyFields(doc, parseProjection({ fields: { _id: 0 } }).fields)).toEqual({ name: 'n', status: 's', compute: {} });
  });
});
