import type { ApiError } from '../../core/api-error.js';
import type { ErrorRenderer, Reply } from '../../core/api-module.js';
import type { components } from '../../generated/exabyte.js';

type JSendError = components['schemas']['JSendError'];

/** JSend: `fail` when the request was at fault (4xx), `error` when the server was (5xx). */
export function jsendError(status: number, message: string): Reply<JSendError> {
  return { status, body: { status: status >= 500 ? 'error' : 'fail', data: { message } } };
}

/**
 * A path id that does not have the Meteor id shape names no job: the platform looks it up and finds
 * nothing, so the engine's path validation finding becomes the same 404 a missing job gets.
 */
function isMalformedPathId(error: ApiError): boolean {
  return error.code === 'validation_failed' && error.diagnostics.length > 0 && error.diagnostics.every((d) => d.location === 'path');
}

export const errors: ErrorRenderer = {
  render(error) {
    if (isMalformedPathId(error)) return jsendError(404, 'Job not found');
    return { ...jsendError(error.status, error.message), headers: error.headers };
  },
};
