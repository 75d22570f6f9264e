import { ApiError } from '../../core/api-error.js';
import { isPlainObject, valuesAt } from './mongo-query.js';

/** The seed's jobs page: "limited to 20 by default"; the request-structure page caps `limit` at 500. */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 500;

export interface Projection {
  skip: number;
  limit: number;
  sort: ReadonlyArray<{ path: string[]; direction: 1 | -1 }>;
  fields: { mode: 'include' | 'exclude'; names: Set<string>; withId: boolean } | undefined;
}

const fail = (message: string) => new ApiError('bad_request', `projection${message}`);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function parseSort(sort: unknown): Projection['sort'] {
  if (sort === undefined) return [];
  if (!isPlainObject(sort)) throw fail('.sort must be an object like {"createdAt": -1}');
  return Object.entries(sort).map(([path, direction]) => {
    if (direction !== 1 && direction !== -1) throw fail(`.sort.${path} must be 1 or -1`);
    return { path: path.split('.'), direction };
  });
}

/**
 * `fields` over top-level job fields: `{name: 1}` keeps only those (and `_id`), `{statusTrack: 0}`
 * drops them; mixing both is refused as Mongo does (except `_id: 0`).
 */
function parseFields(fields: unknown): Projection['fields'] {
  if (fields === undefined) return undefined;
  if (!isPlainObject(fields)) throw fail('.fields must be an object like {"name": 1}');
  const names = new Set<string>();
  let mode: 'include' | 'exclude' | undefined;
  let withId = true;
  for (const [name, flag] of Object.entries(fields)) {
    if (flag !== 0 && flag !== 1 && flag !== true && flag !== false) throw fail(`.fields.${name} must be 1 or 0`);
    if (name.includes('.')) throw fail(`.fields.${name}: only top-level fields can be projected`);
    const include = flag === 1 || flag === true;
    if (name === '_id') {
      withId = include;
      continue;
    }
    const wanted = include ? 'include' : 'exclude';
    if (mode && mode !== wanted) throw fail('.fields cannot mix inclusion and exclusion');
    mode = wanted;
    names.add(name);
  }
  return { mode: mode ?? 'exclude', names, withId };
}

/** Reads the `projection` parameter (Meteor `find` options). */
export function parseProjection(value: unknown): Projection {
  if (!isPlainObject(value)) throw fail(' must be a JSON object');
  for (const key of Object.keys(value)) {
    if (!['skip', 'limit', 'sort', 'fields'].includes(key)) throw fail(`: unsupported option ${key} (use skip, limit, sort, fields)`);
  }
  const { skip = 0, limit = DEFAULT_LIMIT } = value;
  if (!isCount(skip) || skip < 0) throw fail('.skip must be a whole number >= 0');
  if (!isCount(limit) || limit < 1 || limit > MAX_LIMIT) throw fail(`.limit must be an integer from 1 to ${MAX_LIMIT}`);
  return { skip, limit, sort: parseSort(value.sort), fields: parseFields(value.fields) };
}

/** Mongo's order across types: missing/null, numbers, strings, objects, arrays, booleans. */
function rank(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (Array.isArray(value)) return 4;
  if (typeof value === 'object') return 3;
  return 5;
}

function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1 || ra === 2) return (a as number | string) < (b as number | string) ? -1 : (a as number | string) > (b as number | string) ? 1 : 0;
  if (ra === 5) return Number(a) - Number(b);
  if (ra === 0) return 0;
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

/** A comparator for `sort` (stable sorting keeps natural order among equals). */
export function sortComparator(sort: Projection['sort']): (a: unknown, b: unknown) => number {
  return (a, b) => {
    for (const { path, direction } of sort) {
      const order = compareValues(valuesAt(a, path)[0], valuesAt(b, path)[0]);
      if (order !== 0) return order * direction;
    }
    return 0;
  };
}

export function applyFields<T extends Record<string, unknown>>(doc: T, fields: Projection['fields']): Partial<T> {
  if (!fields) return doc;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === '_id') {
      if (fields.withId) out[key] = value;
    } else if (fields.mode === 'include' ? fields.names.has(key) : !fields.names.has(key)) out[key] = value;
  }
  return out as Partial<T>;
}
