import type { ApiError } from '../../core/api-error.js';
import type { ErrorRenderer } from '../../core/api-module.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { components } from '../../generated/contenthub.js';

type ErrorResponse = components['schemas']['ErrorResponse'];

/** The field a diagnostic is about: the parameter name, or the body member as a dotted path. */
function fieldOf(d: Diagnostic): string {
  if (d.location !== 'body') return d.path || d.location;
  const member = d.path.replace(/^\//, '').split('/').filter(Boolean).join('.');
  return member || 'body';
}

/**
 * Drops the summary findings of a union (`oneOf`, and the `type` of its null branch) about a member when
 * deeper findings say what is wrong inside it: `properties.X is not allowed` rather than `properties must be null`.
 */
function mostSpecific(diagnostics: Diagnostic[]): Diagnostic[] {
  const summary = (d: Diagnostic) => d.keyword === 'oneOf' || d.keyword === 'anyOf' || d.keyword === 'type';
  return diagnostics.filter((d) => !(summary(d) && diagnostics.some((o) => o.location === d.location && o.path.startsWith(`${d.path}/`))));
}

/** ASP.NET model state: field → messages. Keys come from requests, so a null-prototype object holds them. */
function modelState(entries: Array<[string, string]>): Record<string, string[]> {
  const state = Object.create(null) as Record<string, string[]>;
  for (const [field, message] of entries) (state[field] ??= []).push(message);
  return state;
}

/** Messages as ASP.NET Web API (which Content Hub's REST API runs on) words them for the engine's errors. */
function messageFor(error: ApiError): string {
  switch (error.code) {
    case 'validation_failed':
      return error.diagnostics.length > 0 || typeof error.detail['field'] === 'string' ? 'The request is invalid.' : error.message;
    case 'bad_request':
      return 'The request is invalid.';
    case 'method_not_allowed':
      return `The requested resource does not support the http method. ${error.message}`;
    case 'unsupported_media_type':
      return `The request entity's media type is not supported for this resource. ${error.message}`;
    case 'payload_too_large':
      return `The request body is too large. ${error.message}`;
    case 'internal':
      return `An error has occurred. ${error.message}`;
    default:
      return error.message;
  }
}

function errorsFor(error: ApiError): Record<string, string[]> | undefined {
  if (error.diagnostics.length > 0) return modelState(mostSpecific(error.diagnostics).map((d) => [fieldOf(d), d.message]));
  const field = error.detail['field'];
  if (typeof field === 'string') return modelState([[field, error.message]]);
  if (error.code === 'bad_request') return modelState([['body', error.message]]);
  return undefined;
}

/**
 * Content Hub's error body `{ message, errors? }` for every ApiError, with the status the code maps to
 * (validation is a 400 in Content Hub, not a 422). Headers such as `Allow` and `WWW-Authenticate` ride on
 * the ApiError and are kept by the engine.
 */
export const errors: ErrorRenderer = {
  render(error) {
    const body: ErrorResponse = { message: messageFor(error) };
    const fields = errorsFor(error);
    if (fields) body.errors = fields;
    const headers: Record<string, string> = error.code === 'service_unavailable' ? { 'retry-after': error.headers['retry-after'] ?? '30' } : {};
    return { status: error.status, body, headers };
  },
};
