import { describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import { checkRawKeys, pageMeta, readFieldsets, readInclude, readPaging } from './query.js';

const paging = (query: Record<string, unknown>) => {
  const result = readPaging(query);
  if (isApiError(result)) throw new Error(result.message);
  return result;
};
const refusal = (query: Record<string, unknown>) => {
  const result = readPaging(query);
  return isApiError(result) ? result.message : 'accepted';
};

describe("terrakube: Elide's paging parameters", () => {
  it('defaults to the first 500 jobs with no page meta', () => {
    expect(paging({})).toEqual({ offset: 0, limit: 500, totals: false, isDefault: true });
  });

  it('turns page[number]/page[size] into an offset, and page[totals] on', () => {
    expect(paging({ 'page[number]': 3, 'page[size]': 7, 'page[totals]': '' })).toEqual({ offset: 14, limit: 7, totals: true, isDefault: false });
    expect(paging({ 'page[totals]': '' })).toMatchObject({ offset: 0, limit: 500, isDefault: false });
  });

  it("builds meta.page the way Elide's CollectionTerminalState does", () => {
    expect(pageMeta(paging({ 'page[number]': 2, 'page[size]': 7, 'page[totals]': '' }), 30)).toEqual({ number: 2, limit: 7, totalPages: 5, totalRecords: 30 });
    expect(pageMeta(paging({ 'page[offset]': 9, 'page[limit]': 4 }), 30)).toEqual({ number: 3, limit: 4 });
    expect(pageMeta(paging({ 'page[size]': 10, 'page[totals]': '' }), 0)).toEqual({ number: 1, limit: 10, totalPages: 0, totalRecords: 0 });
  });

  it("refuses what PaginationImpl refuses, in Elide's words", () => {
    expect(refusal({ 'page[size]': 10001 })).toBe('Invalid value: Pagination size must be less than or equal to 10000');
    expect(refusal({ 'page[limit]': 0 })).toBe('Invalid value: Pagination limit must contain a positive, non-zero value.');
    expect(refusal({ 'page[number]': 0 })).toBe('Invalid value: Pagination number must be a positive, non-zero value.');
    expect(refusal({ 'page[offset]': -1 })).toBe('Invalid value: Pagination offset must contain a positive value.');
    expect(refusal({ 'page[size]': 2, 'page[limit]': 2 })).toBe('Invalid value: Invalid usage of pagination parameters.');
  });

  it('refuses unknown page[...] keys and filter keys other than filter[job]', () => {
    expect(checkRawKeys('page[size]=2&filter[job]=id==1&sort=id')).toBeUndefined();
    expect(checkRawKeys('page[foo]=1')?.message).toMatch(/^Invalid value: Invalid Pagination Parameter/);
    expect(checkRawKeys('filter=id==1')?.message).toBe('Invalid query parameter: filter');
    expect(checkRawKeys('filter%5Bstep%5D=x')?.message).toBe('Invalid query parameter: filter[step]');
  });
});

describe('terrakube: include and sparse fieldsets', () => {
  it('accepts the three relationships and refuses anything else', () => {
    expect([...(readInclude('workspace, step') as Set<string>)]).toEqual(['workspace', 'step']);
    expect(readInclude(undefined)).toEqual(new Set());
    const refused = readInclude('step.job');
    expect(isApiError(refused) && refused.status).toBe(400);
  });

  it('reads fields[type] for every type a document can hold', () => {
    const sets = readFieldsets({ 'fields[job]': 'status,workspace', 'fields[step]': 'name', 'fields[other]': 'x' });
    expect([...sets.keys()]).toEqual(['job', 'step']);
    expect([...sets.get('job')!]).toEqual(['status', 'workspace']);
  });
});
