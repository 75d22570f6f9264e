import { describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import { compileQuery, valuesAt } from './mongo-query.js';

const job = {
  _id: 'A',
  name: 'Si band gap',
  status: 'finished',
  compute: { queue: 'D', ppn: 8, cluster: { fqdn: 'c1' } },
  statusTrack: [{ status: 'pre-submission', trackedAt: 1 }, { status: 'finished', trackedAt: 5 }],
  tags: ['production', 'paper'],
  owner: { _id: 'u1' },
};
const matches = (query: unknown) => compileQuery(query)(job);
const refusal = (query: unknown): string => {
  try {
    compileQuery(query);
  } catch (error) {
    if (isApiError(error)) return `${error.status} ${error.message}`;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('exabyte: Mongo query subset', () => {
  it("matches the seed's example by equality", () => {
    expect(matches({ status: 'finished' })).toBe(true);
    expect(matches({ status: 'active' })).toBe(false);
    expect(matches({})).toBe(true);
  });

  it('follows dotted paths, through arrays too', () => {
    expect(matches({ 'compute.queue': 'D' })).toBe(true);
    expect(matches({ 'compute.cluster.fqdn': 'c2' })).toBe(false);
    expect(matches({ 'statusTrack.status': 'pre-submission' })).toBe(true);
    expect(matches({ 'owner._id': 'u1', status: 'finished' })).toBe(true);
  });

  it('matches an array field by one of its elements or as a whole', () => {
    expect(matches({ tags: 'paper' })).toBe(true);
    expect(matches({ tags: ['production', 'paper'] })).toBe(true);
    expect(matches({ tags: ['paper'] })).toBe(false);
  });

  it('evaluates $eq, $ne, $in, $nin', () => {
    expect(matches({ status: { $eq: 'finished' } })).toBe(true);
    expect(matches({ status: { $ne: 'finished' } })).toBe(false);
    expect(matches({ status: { $in: ['error', 'finished'] } })).toBe(true);
    expect(matches({ status: { $nin: ['error', 'finished'] } })).toBe(false);
    expect(matches({ tags: { $in: ['paper'] } })).toBe(true);
  });

  it('compares numbers with numbers and strings with strings only', () => {
    expect(matches({ 'compute.ppn': { $gt: 4, $lte: 8 } })).toBe(true);
    expect(matches({ 'compute.ppn': { $lt: 8 } })).toBe(false);
    expect(matches({ 'compute.ppn': { $gte: '4' } })).toBe(false);
    expect(matches({ name: { $gte: 'Si', $lt: 'Sj' } })).toBe(true);
    expect(matches({ 'statusTrack.trackedAt': { $gt: 4 } })).toBe(true);
  });

  it('handles $exists and null as Mongo does', () => {
    expect(matches({ parent: { $exists: false } })).toBe(true);
    expect(matches({ compute: { $exists: true } })).toBe(true);
    expect(matches({ parent: null })).toBe(true);
    expect(matches({ name: null })).toBe(false);
  });

  it('combines with $and, $or and $nor', () => {
    expect(matches({ $or: [{ status: 'error' }, { 'compute.queue': 'D' }] })).toBe(true);
    expect(matches({ $and: [{ status: 'finished' }, { 'compute.queue': 'OR' }] })).toBe(false);
    expect(matches({ $nor: [{ status: 'error' }] })).toBe(true);
  });

  it('refuses what it does not evaluate with a 400 naming it', () => {
    expect(refusal({ name: { $regex: '^Si' } })).toBe('400 query: unsupported operator $regex');
    expect(refusal({ $where: 'this.a' })).toBe('400 query: unsupported operator $where');
    expect(refusal({ status: { $in: 'finished' } })).toBe('400 query: $in needs an array');
    expect(refusal({ $or: [] })).toMatch(/needs a non-empty array/);
    expect(refusal({ status: { $eq: 'x', plain: 1 } })).toMatch(/mixes operators and fields/);
    expect(refusal(['status'])).toMatch(/must be a JSON object/);
    expect(refusal({ 'a..b': 1 })).toMatch(/not a field path/);
  });

  it('never reads inherited properties', () => {
    expect(valuesAt(job, ['constructor'])).toEqual([]);
    expect(valuesAt(job, ['__proto__'])).toEqual([]);
    expect(matches({ 'name.length': 11 })).toBe(false);
  });
});
