/**
 * Elide's JSON:API errors: `{"errors": [{"detail": "..."}]}`. Elide 7's `DefaultJsonApiErrorMapper`
 * sets only `detail` and HTML-encodes it with OWASP `Encode.forHtml` (so `'` arrives as `&#39;`).
 * The messages below are Elide's own (`InvalidObjectIdentifierException`, `ForbiddenAccessException`,
 * `InvalidValueException`, `InvalidAttributeException`, `PaginationImpl`).
 */
import { ApiError } from '../../core/api-error.js';
import type { ErrorRenderer } from '../../core/api-module.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { components } from '../../generated/terrakube.js';

export type ErrorDocument = components['schemas']['ErrorDocument'];
export type Permission = 'ReadPermission' | 'CreatePermission' | 'UpdatePermission' | 'DeletePermission';

/** OWASP Encoder `forHtml`, as Elide applies it to every error detail. */
export function encodeForHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]!);
}

export function unknownIdentifier(id: string, type: string): ApiError {
  return new ApiError('not_found', `Unknown identifier ${id} for ${type}`);
}

export function denied(permission: Permission): ApiError {
  return new ApiError('forbidden', `${permission} Denied`);
}

export function invalidValue(what: string): ApiError {
  return new ApiError('bad_request', `Invalid value: ${what}`);
}

/** Elide answers an attribute the entity does not have with a 404 (`InvalidAttributeException`). */
export function unknownAttribute(name: string, type = 'job'): ApiError {
  return new ApiError('not_found', `Unknown attribute '${name}' in '${type}'`);
}

const PAGE_LABEL: Record<string, string> = { 'page[size]': 'size', 'page[limit]': 'limit', 'page[number]': 'number', 'page[offset]': 'offset' };

/** A request-validation finding in the words Elide would use for the same mistake. */
function describe(d: Diagnostic): string {
  if (d.location === 'query') {
    const label = PAGE_LABEL[d.path];
    if (label && d.keyword === 'maximum') return `Invalid value: Pagination ${label} must be less than or equal to 10000`;
    if (label && d.keyword === 'minimum') {
      if (label === 'offset') return 'Invalid value: Pagination offset must contain a positive value.';
      if (label === 'number') return 'Invalid value: Pagination number must be a positive, non-zero value.';
      return `Invalid value: Pagination ${label} must contain a positive, non-zero value.`;
    }
    if (label) return 'Invalid value: page values must be integers';
    if (d.path.startsWith('filter[')) return `Exactly one RSQL expression must be defined for type : ${d.path.slice(7, -1)}`;
    return `Invalid value: query parameter ${d.path} ${d.message}`;
  }
  if (d.location === 'path') return `Invalid value: ${d.path} ${d.message}`;
  return `Invalid value: ${d.location}${d.path ? ` ${d.path}` : ''} ${d.message}`;
}

const ATTRIBUTE_PATH = /^\/data\/attributes\/([^/]+)$/;

function details(error: ApiError): { status: number; details: string[] } {
  if (error.code !== 'validation_failed' || error.diagnostics.length === 0) return { status: error.status, details: [error.message] };
  const unknown = error.diagnostics.find((d) => d.location === 'body' && d.keyword === 'additionalProperties' && ATTRIBUTE_PATH.test(d.path));
  if (unknown) return { status: 404, details: [`Unknown attribute '${ATTRIBUTE_PATH.exec(unknown.path)![1]}' in 'job'`] };
  return { status: error.status, details: error.diagnostics.map(describe) };
}

export const errors: ErrorRenderer = {
  render(error) {
    const { status, details: texts } = details(error);
    const body: ErrorDocument = { errors: texts.map((t) => ({ detail: encodeForHtml(t) })) };
    return { status, body, headers: error.headers };
  },
};
