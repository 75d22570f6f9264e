/**
 * The Server answers errors the ASP.NET Web API way: `{ "message": ... }`, plus `modelState`
 * (member → problems) for requests that do not bind — `InvalidRequestResponseBody` in the Server's
 * Swagger. The messages of errors the framework raises (401, 404 on unknown routes, 405, 415, 500)
 * are ASP.NET's own. The token endpoint is OWIN's OAuth server and answers RFC 6749 §5.2 errors.
 */
import type { ApiError } from '../../core/api-error.js';
import type { ErrorRenderer, Reply } from '../../core/api-module.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { components } from '../../generated/alteryx.js';
import type { OperationSpec } from '../../spec/spec-index.js';

type ErrorResponse = components['schemas']['ErrorResponse'];
type OAuthError = components['schemas']['OAuthError'];

export const TOKEN_OPERATION = 'oauth2Token';
export const INVALID_REQUEST = 'The request is invalid.';

/** ASP.NET names a body member after the action parameter (`contract`) and its path. */
function modelStateKey(d: Diagnostic, bodyName: string): string {
  if (d.location !== 'body') return d.path.replace(/^\//, '') || d.location;
  const parts = d.path.split('/').filter(Boolean);
  return parts.reduce((key, part) => (/^\d+$/.test(part) ? `${key}[${part}]` : `${key}.${part}`), bodyName);
}

export function toModelState(diagnostics: readonly Diagnostic[], bodyName = 'contract'): Record<string, string[]> {
  const state: Record<string, string[]> = Object.create(null);
  for (const d of diagnostics) {
    const key = modelStateKey(d, bodyName);
    (state[key] ??= []).push(d.message);
  }
  return { ...state };
}

function message(status: number, body: ErrorResponse): Reply {
  return { status, body };
}

/** The form was refused only because its grant_type is not `client_credentials` (the TokenRequest enum). */
function isOnlyAnotherGrant(error: ApiError): boolean {
  return error.code === 'validation_failed' && error.diagnostics.length > 0 && error.diagnostics.every((d) => d.location === 'body' && d.path === '/grant_type' && d.keyword === 'enum');
}

/**
 * OWIN's OAuth server: another grant type is `unsupported_grant_type`, other request-shape problems
 * (no grant_type, a field given twice, no form) `invalid_request`, failures `server_error`.
 */
function renderOAuth(error: ApiError): Reply {
  if (error.code === 'internal' || error.code === 'service_unavailable') {
    return { status: error.status, body: { error: 'server_error', error_description: error.message } satisfies OAuthError };
  }
  if (isOnlyAnotherGrant(error)) {
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'The grant type is not supported; use client_credentials.' } satisfies OAuthError };
  }
  const detail = error.detail['oauthError'];
  const code = typeof detail === 'string' ? (detail as OAuthError['error']) : 'invalid_request';
  const status = error.code === 'payload_too_large' || error.code === 'unsupported_media_type' ? error.status : 400;
  return { status, body: { error: code, error_description: error.message } satisfies OAuthError };
}

function renderMessage(error: ApiError, operation: OperationSpec | undefined): Reply {
  switch (error.code) {
    case 'validation_failed':
      // An id that is not an ObjectId can name no job or workflow: the server's answer is "not found".
      if (error.diagnostics.length > 0 && error.diagnostics.every((d) => d.location === 'path')) {
        return message(404, { message: 'The requested resource was not found.' });
      }
      return message(400, { message: INVALID_REQUEST, modelState: toModelState(error.diagnostics) });
    case 'bad_request':
      return message(400, { message: INVALID_REQUEST, modelState: { [operation?.requestBody ? 'contract' : 'request']: [error.message] } });
    case 'unauthorized':
      return { status: 401, body: { message: error.message } satisfies ErrorResponse, headers: { 'www-authenticate': 'Bearer' } };
    case 'forbidden':
    case 'conflict':
    case 'not_acceptable':
    case 'too_many_requests':
    case 'not_implemented':
      return message(error.status, { message: error.message });
    case 'not_found':
      // Unknown routes get ASP.NET's routing message; handlers word their own 404s.
      return message(404, { message: operation ? error.message : 'No HTTP resource was found that matches the request URI.' });
    case 'method_not_allowed':
      return message(405, { message: 'The requested resource does not support this http method.' });
    case 'payload_too_large':
      return message(413, { message: 'The request entity is too large.' });
    case 'unsupported_media_type':
      return message(415, { message: "The request entity's media type is not supported for this resource." });
    case 'internal':
    case 'service_unavailable':
      return message(error.status, { message: 'An error has occurred.', exceptionMessage: error.message });
  }
}

export const errors: ErrorRenderer = {
  render(error, operation) {
    return operation?.operationId === TOKEN_OPERATION ? renderOAuth(error) : renderMessage(error, operation);
  },
};
