/**
 * POST /webapi/oauth2/token, the client-credentials grant of the Server's OWIN OAuth server
 * ("Configure and Authorize the Server API V3"). The engine decodes the form and validates it against
 * `TokenRequest` first (so `grant_type` is there, is `client_credentials`, and no field came twice);
 * the body arrives as an object of string fields. The client may authenticate in the form or with
 * HTTP Basic (RFC 6749 §2.3.1, what the Server's Swagger UI sends).
 */
import { ApiError } from '../../../core/api-error.js';
import type { Handler } from '../../../core/api-module.js';
import type { components } from '../../../generated/alteryx.js';
import { findClient, issueToken, TOKEN_LIFETIME_MS } from '../auth.js';
import type { AlteryxStore } from '../store.js';

type TokenRequest = components['schemas']['TokenRequest'];
type TokenResponse = components['schemas']['TokenResponse'];
type OAuthErrorCode = components['schemas']['OAuthError']['error'];

function oauthError(code: OAuthErrorCode, description: string): ApiError {
  return new ApiError('bad_request', description, { detail: { oauthError: code } });
}

function decodeBase64(text: string): string | undefined {
  try {
    const binary = atob(text);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** RFC 6749 §2.3.1 form-encodes the id and secret before base64; a bad escape is taken literally. */
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** A form field's value; an empty one counts as absent (RFC 6749 §3.1). */
function field(form: Partial<Record<keyof TokenRequest, unknown>>, name: keyof TokenRequest): string | undefined {
  const value = form[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** client_id and client_secret from `Authorization: Basic` or, failing that, from the form. */
function clientCredentials(authorization: string | undefined, form: Partial<TokenRequest>): { id: string; secret: string } | ApiError {
  const basic = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (basic) {
    const decoded = decodeBase64(basic[1]!);
    const colon = decoded?.indexOf(':') ?? -1;
    if (decoded === undefined || colon < 0) return oauthError('invalid_client', 'The Basic credentials are not base64 of "client_id:client_secret".');
    return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  }
  const id = field(form, 'client_id');
  const secret = field(form, 'client_secret');
  if (!id || !secret) return oauthError('invalid_client', 'client_id and client_secret (the API key and secret) are required.');
  return { id, secret };
}

export const oauth2Token: Handler<AlteryxStore> = ({ body, headers, store, clock }) => {
  const form: Partial<TokenRequest> = typeof body === 'object' && body !== null ? (body as Partial<TokenRequest>) : {};
  const client = clientCredentials(headers['authorization'], form);
  if (client instanceof ApiError) return client;
  const user = findClient(client.id);
  if (!user || user.apiSecret !== client.secret) return oauthError('invalid_client', 'The API key or secret is not valid.');
  // Request validation already refuses these; kept so the handler is right on its own too.
  const grant = field(form, 'grant_type');
  if (!grant) return oauthError('invalid_request', 'grant_type is required.');
  if (grant !== 'client_credentials') return oauthError('unsupported_grant_type', `The grant type '${grant}' is not supported; use client_credentials.`);
  const response: TokenResponse = {
    access_token: issueToken(store, user.principal.id, clock.now()),
    token_type: 'bearer',
    expires_in: TOKEN_LIFETIME_MS / 1000,
  };
  return { status: 200, body: response, headers: { 'cache-control': 'no-cache', pragma: 'no-cache' } };
};
