/**
 * `filter[job]`: an RSQL expression compiled to a predicate over job records, with Elide's
 * semantics: values are coerced to the field's type (`Invalid value: x` when they do not fit),
 * `==`/`!=` on text treat a leading or trailing `*` as a wildcard (prefix/postfix/infix), `=ini=`
 * and `=outi=` compare case-insensitively, and an unknown field is `No such association ...`.
 * To-many paths (`step.status`) match when any related value does (`!=`/`=out=`: when none does).
 */
import { ApiError } from '../../core/api-error.js';
import { invalidValue } from './errors.js';
import { parseElideDate } from './ids.js';
import { JOB_FIELDS, type FieldKind, type FieldValue, type JobField } from './job-fields.js';
import type { JobRecord, JobStatus } from './model.js';
import { parseRsql, RsqlError, type RsqlNode } from './rsql.js';
import type { TerrakubeStore } from './store.js';

export type JobPredicate = (job: JobRecord) => boolean;

const STATUSES: ReadonlySet<string> = new Set<JobStatus>(['pending', 'waitingApproval', 'approved', 'queue', 'running', 'completed', 'noChanges', 'notExecuted', 'rejected', 'cancelled', 'failed', 'unknown']);
const NEGATIVE = new Set(['!=', '=out=', '=outi=', '=hasnomember=']);

function coerce(kind: FieldKind, raw: string): FieldValue {
  if (kind === 'integer' && /^-?\d+$/.test(raw)) return Number(raw);
  if (kind === 'boolean' && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  if (kind === 'status' && STATUSES.has(raw)) return raw;
  if (kind === 'date') {
    const ms = parseElideDate(raw) ?? (/^\d{4}-\d{2}-\d{2}T/.test(raw) ? Date.parse(raw) : NaN);
    if (Number.isFinite(ms)) return ms;
  }
  if (kind === 'string') return raw;
  throw invalidValue(raw);
}

/** `==` on text: exact, or prefix/postfix/infix when the value starts or ends with `*`. */
function textMatches(actual: string, pattern: string): boolean {
  const starts = pattern.startsWith('*');
  const ends = pattern.length > 1 && pattern.endsWith('*');
  const core = pattern.slice(starts ? 1 : 0, ends ? -1 : undefined);
  if (starts && ends) return actual.includes(core);
  if (starts) return actual.endsWith(core);
  if (ends) return actual.startsWith(core);
  return actual === pattern;
}

function compare(a: FieldValue, b: FieldValue): number {
  if (a === null || b === null) return Number.NaN;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The positive form of an operator tested on one value. */
function holds(op: string, field: JobField, actual: FieldValue, args: string[]): boolean {
  switch (op) {
    case '==':
    case '!=':
      if (actual === null) return false;
      if (field.kind === 'string') return textMatches(String(actual), args[0]!);
      return compare(actual, coerce(field.kind, args[0]!)) === 0;
    case '=in=':
    case '=out=':
      return actual !== null && args.some((a) => compare(actual, coerce(field.kind, a)) === 0);
    case '=ini=':
    case '=outi=':
      return actual !== null && args.some((a) => String(actual).toLowerCase() === a.toLowerCase());
    case '<':
    case '=lt=':
      return compare(actual, coerce(field.kind, args[0]!)) < 0;
    case '<=':
    case '=le=':
      return compare(actual, coerce(field.kind, args[0]!)) <= 0;
    case '>':
    case '=gt=':
      return compare(actual, coerce(field.kind, args[0]!)) > 0;
    default:
      return compare(actual, coerce(field.kind, args[0]!)) >= 0;
  }
}

function flag(raw: string): boolean {
  if (!/^(true|false)$/i.test(raw)) throw invalidValue(raw);
  return raw.toLowerCase() === 'true';
}

function comparison(store: TerrakubeStore, selector: string, op: string, args: string[]): JobPredicate {
  const field = Object.prototype.hasOwnProperty.call(JOB_FIELDS, selector) ? JOB_FIELDS[selector] : undefined;
  if (!field) throw new ApiError('bad_request', `No such association ${selector} for type job`);
  if (op === '=isnull=' || op === '=isempty=') {
    const want = flag(args[0]!);
    return (job) => {
      const v = field.read(job, store);
      const empty = Array.isArray(v) ? v.length === 0 : v === null || (op === '=isempty=' && v === '');
      return empty === want;
    };
  }
  if (op === '=hasmember=' || op === '=hasnomember=') {
    if (!selector.startsWith('step.')) throw invalidValue(`${selector} is not a collection`);
  } else {
    // Coerce once up front so a bad value is a 400 even when no job is tested.
    for (const a of args) if (field.kind !== 'string' && op !== '=ini=' && op !== '=outi=') coerce(field.kind, a);
  }
  const positive = op === '=hasmember=' || op === '=hasnomember=' ? '==' : op;
  const negative = NEGATIVE.has(op);
  return (job) => {
    const v = field.read(job, store);
    const values = Array.isArray(v) ? v : [v];
    const some = values.some((x) => holds(positive, field, x, args));
    return negative ? !some : some;
  };
}

function compile(store: TerrakubeStore, node: RsqlNode): JobPredicate {
  if (node.kind === 'comparison') return comparison(store, node.selector, node.operator, node.args);
  const parts = node.children.map((c) => compile(store, c));
  return node.kind === 'and' ? (job) => parts.every((p) => p(job)) : (job) => parts.some((p) => p(job));
}

/** Compiles `filter[job]`, or returns the 400 Elide would answer. */
export function compileJobFilter(store: TerrakubeStore, text: string): JobPredicate | ApiError {
  try {
    return compile(store, parseRsql(text));
  } catch (error) {
    if (error instanceof RsqlError) return new ApiError('bad_request', error.message);
    if (error instanceof ApiError) return error;
    throw error;
  }
}
