/**
 * JSON:API query parameters the Elide way: `page[...]` (PaginationImpl), `sort`, `include`,
 * `fields[type]`, and the `filter` keys Elide would refuse. Values arrive typed by the engine; the
 * raw query string is read for keys the spec does not declare (`page[foo]`, `filter[step]`).
 */
import { ApiError } from '../../core/api-error.js';
import { invalidValue } from './errors.js';
import { JOB_FIELDS, RELATIONSHIPS, type FieldValue } from './job-fields.js';
import type { JobRecord } from './model.js';
import type { Fieldsets } from './serialize.js';
import type { TerrakubeStore } from './store.js';

/** Elide's defaults (`elide.default-page-size`, `elide.max-page-size`), which Terrakube keeps. */
export const DEFAULT_PAGE_SIZE = 500;
export const MAX_PAGE_SIZE = 10000;

const PAGE_KEYS = ['page[number]', 'page[size]', 'page[offset]', 'page[limit]', 'page[totals]'];

export interface Paging {
  offset: number;
  limit: number;
  totals: boolean;
  /** No page parameter at all: Elide then adds no `meta.page`. */
  isDefault: boolean;
}

function rawKeys(rawQuery: string): string[] {
  return [...new URLSearchParams(rawQuery).keys()];
}

/** Refuses `page[...]` and `filter...` keys Elide does not know (only `filter[job]` is modelled). */
export function checkRawKeys(rawQuery: string): ApiError | undefined {
  for (const key of rawKeys(rawQuery)) {
    if (key.startsWith('page[') && !PAGE_KEYS.includes(key)) {
      return invalidValue(`Invalid Pagination Parameter. Accepted values are ${PAGE_KEYS.join(', ')}`);
    }
    if (key.startsWith('filter') && key !== 'filter[job]') return new ApiError('bad_request', `Invalid query parameter: ${key}`);
  }
  return undefined;
}

function int(query: Record<string, unknown>, key: string): number | undefined {
  const v = query[key];
  return typeof v === 'number' ? v : undefined;
}

export function readPaging(query: Record<string, unknown>): Paging | ApiError {
  const number = int(query, 'page[number]');
  const size = int(query, 'page[size]');
  const offset = int(query, 'page[offset]');
  const limit = int(query, 'page[limit]');
  const totals = query['page[totals]'] !== undefined;
  const byPages = number !== undefined || size !== undefined;
  if (byPages && (offset !== undefined || limit !== undefined)) return invalidValue('Invalid usage of pagination parameters.');
  const isDefault = !byPages && offset === undefined && limit === undefined && !totals;
  const pageLimit = (byPages ? size : limit) ?? DEFAULT_PAGE_SIZE;
  const label = byPages ? 'size' : 'limit';
  if (pageLimit > MAX_PAGE_SIZE && !isDefault) return invalidValue(`Pagination ${label} must be less than or equal to ${MAX_PAGE_SIZE}`);
  if (pageLimit < 1) return invalidValue(`Pagination ${label} must contain a positive, non-zero value.`);
  if (byPages) {
    const page = number ?? 1;
    if (page < 1) return invalidValue('Pagination number must be a positive, non-zero value.');
    return { offset: (page - 1) * pageLimit, limit: pageLimit, totals, isDefault };
  }
  if ((offset ?? 0) < 0) return invalidValue('Pagination offset must contain a positive value.');
  return { offset: offset ?? 0, limit: pageLimit, totals, isDefault };
}

/** `meta.page` as Elide's `CollectionTerminalState` builds it. */
export function pageMeta(paging: Paging, totalRecords: number): { number: number; limit: number; totalPages?: number; totalRecords?: number } {
  const meta: { number: number; limit: number; totalPages?: number; totalRecords?: number } = {
    number: Math.floor(paging.offset / paging.limit) + 1,
    limit: paging.limit,
  };
  if (paging.totals) {
    meta.totalPages = Math.floor(totalRecords / paging.limit) + (totalRecords % paging.limit > 0 ? 1 : 0);
    meta.totalRecords = totalRecords;
  }
  return meta;
}

function list(text: unknown): string[] {
  return typeof text === 'string' && text.length > 0 ? text.split(',').map((s) => s.trim()) : [];
}

export type JobComparator = (a: JobRecord, b: JobRecord) => number;

function compareValues(a: FieldValue | FieldValue[], b: FieldValue | FieldValue[]): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `sort=-createdDate,id`: a comparator (ties keep id order), or Elide's 400. */
export function readSort(store: TerrakubeStore, sort: unknown): JobComparator | ApiError {
  const keys: { read: (j: JobRecord) => FieldValue | FieldValue[]; sign: number }[] = [];
  for (const item of list(sort)) {
    const desc = item.startsWith('-');
    const name = item.replace(/^[-+]/, '');
    const field = Object.prototype.hasOwnProperty.call(JOB_FIELDS, name) ? JOB_FIELDS[name] : undefined;
    if (!field || !field.sortable) return invalidValue(`job does not contain the field ${name}`);
    keys.push({ read: (j) => field.read(j, store), sign: desc ? -1 : 1 });
  }
  return (a, b) => {
    for (const key of keys) {
      const c = compareValues(key.read(a), key.read(b)) * key.sign;
      if (c !== 0) return c;
    }
    return a.id - b.id;
  };
}

/** `include=workspace,step`: the relationships to add as `included`, or Elide's 400. */
export function readInclude(include: unknown): Set<string> | ApiError {
  const out = new Set<string>();
  for (const name of list(include)) {
    if (!RELATIONSHIPS.has(name)) return invalidValue(`job does not contain the field ${name}`);
    out.add(name);
  }
  return out;
}

/** `fields[job]=status,workspace` and friends; names a type does not have are simply never shown. */
export function readFieldsets(query: Record<string, unknown>): Fieldsets {
  const out = new Map<string, Set<string>>();
  for (const type of ['job', 'step', 'workspace', 'organization']) {
    const value = query[`fields[${type}]`];
    if (typeof value === 'string') out.set(type, new Set(list(value)));
  }
  return out;
}
