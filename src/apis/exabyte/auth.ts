import { ApiError } from '../../core/api-error.js';
import type { AuthScheme } from '../../core/api-module.js';
import type { ExabyteStore } from './store.js';
import { USERS } from './users.js';

/** Restivus's answer to a request without valid credentials. */
export const NOT_LOGGED_IN = 'You must be logged in to do this.';

/**
 * `X-Auth-Token` + `X-Account-Id` (docs.mat3ra.com/rest-api/authentication). The seed sends the account id
 * as `X-User-Id` (Restivus's default header name); for a personal account both carry the same id, so
 * either is accepted, and when both are sent they must agree.
 */
export const auth: AuthScheme<ExabyteStore> = {
  authenticate(request, store) {
    const token = request.headers['x-auth-token'];
    const accountId = request.headers['x-account-id'];
    const userId = request.headers['x-user-id'];
    if (accountId !== undefined && userId !== undefined && accountId !== userId) return new ApiError('unauthorized', NOT_LOGGED_IN);
    const id = accountId ?? userId;
    if (!token || !id || store.tokens.get(token) !== id) return new ApiError('unauthorized', NOT_LOGGED_IN);
    const user = USERS.find((u) => u.id === id);
    return user ? user.principal : new ApiError('unauthorized', NOT_LOGGED_IN);
  },
  devCredentials: () =>
    USERS.map((u) => ({
      principal: u.principal,
      headers: { 'x-auth-token': u.token, 'x-account-id': u.id },
      description: `X-Auth-Token: ${u.token}, X-Account-Id: ${u.id} (user ${u.username}, password ${u.password})`,
    })),
  anonymous: USERS[0]!.principal,
};
