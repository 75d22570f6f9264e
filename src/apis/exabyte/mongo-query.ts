import { ApiError } from '../../core/api-error.js';

/** A compiled filter over plain JSON documents. */
export type Predicate = (doc: unknown) => boolean;

const COMPARISONS = new Set(['$gt', '$gte', '$lt', '$lte']);
const FIELD_OPERATORS = new Set(['$eq', '$ne', '$in', '$nin', '$exists', ...COMPARISONS]);
const LOGICAL = new Set(['$and', '$or', '$nor']);

const fail = (message: string) => new ApiError('bad_request', `query: ${message}`);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The values a dotted path reaches, Mongo style: an array met on the way is searched element by
 * element, and an array at the end counts both as itself and as each of its elements. Only own
 * properties are read, so `__proto__` or `constructor` in a path reach nothing.
 */
export function valuesAt(doc: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return Array.isArray(doc) ? [doc, ...doc] : [doc];
  if (Array.isArray(doc)) return doc.flatMap((item) => (isPlainObject(item) ? valuesAt(item, path) : []));
  if (!isPlainObject(doc) || !Object.hasOwn(doc, path[0]!)) return [];
  return valuesAt(doc[path[0]!], path.slice(1));
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Equality as Mongo sees it: `null` also matches a missing field. */
function matchesValue(values: unknown[], wanted: unknown): boolean {
  if (wanted === null && values.length === 0) return true;
  return values.some((v) => deepEqual(v, wanted) || (wanted === null && v === undefined));
}

/** Mongo compares only within a type bracket: numbers with numbers, strings with strings. */
function compare(op: string, value: unknown, bound: unknown): boolean {
  if (!((typeof value === 'number' && typeof bound === 'number') || (typeof value === 'string' && typeof bound === 'string'))) return false;
  if (op === '$gt') return value > bound;
  if (op === '$gte') return value >= bound;
  if (op === '$lt') return value < bound;
  return value <= bound;
}

function compileOperator(op: string, arg: unknown): (values: unknown[]) => boolean {
  if (!FIELD_OPERATORS.has(op)) throw fail(`unsupported operator ${op}`);
  if (op === '$eq') return (values) => matchesValue(values, arg);
  if (op === '$ne') return (values) => !matchesValue(values, arg);
  if (op === '$in' || op === '$nin') {
    if (!Array.isArray(arg)) throw fail(`${op} needs an array`);
    const inList = (values: unknown[]) => arg.some((wanted) => matchesValue(values, wanted));
    return op === '$in' ? inList : (values) => !inList(values);
  }
  if (op === '$exists') return (values) => values.length > 0 === Boolean(arg);
  return (values) => values.some((v) => compare(op, v, arg));
}

function compileField(path: string, condition: unknown): Predicate {
  const parts = path.split('.');
  if (parts.some((p) => p === '')) throw fail(`"${path}" is not a field path`);
  const keys = isPlainObject(condition) ? Object.keys(condition) : [];
  const isOperatorObject = keys.length > 0 && keys.every((k) => k.startsWith('$'));
  if (keys.some((k) => k.startsWith('$')) && !isOperatorObject) throw fail(`"${path}" mixes operators and fields`);
  if (!isOperatorObject) return (doc) => matchesValue(valuesAt(doc, parts), condition);
  const checks = keys.map((op) => compileOperator(op, (condition as Record<string, unknown>)[op]));
  return (doc) => {
    const values = valuesAt(doc, parts);
    return checks.every((check) => check(values));
  };
}

function compileLogical(op: string, arg: unknown): Predicate {
  if (!LOGICAL.has(op)) throw fail(`unsupported operator ${op}`);
  if (!Array.isArray(arg) || arg.length === 0) throw fail(`${op} needs a non-empty array of queries`);
  const parts = arg.map(compileQuery);
  if (op === '$and') return (doc) => parts.every((p) => p(doc));
  if (op === '$or') return (doc) => parts.some((p) => p(doc));
  return (doc) => !parts.some((p) => p(doc));
}

/**
 * Compiles a Mongo query (the subset docs.mat3ra.com/rest-api/query-structure users write: equality,
 * dotted paths, `$eq $ne $in $nin $gt $gte $lt $lte $exists`, `$and $or $nor`). Anything else is a
 * 400 that names it, rather than a silently wrong answer.
 */
export function compileQuery(query: unknown): Predicate {
  if (!isPlainObject(query)) throw fail('must be a JSON object');
  const parts = Object.entries(query).map(([key, value]) => (key.startsWith('$') ? compileLogical(key, value) : compileField(key, value)));
  return (doc) => parts.every((p) => p(doc));
}
