import { ApiError } from '../../../core/api-error.js';
import type { Handler } from '../../../core/api-module.js';
import type { components } from '../../../generated/exabyte.js';
import { createAuthToken } from '../ids.js';
import { isPlainObject } from '../mongo-query.js';
import { rememberToken, type ExabyteStore } from '../store.js';
import { USERS } from '../users.js';
import { success } from './jsend.js';

type LoginResponse = components['schemas']['LoginResponse'];

/**
 * The login fields. The engine hands over a JSON body parsed and a form body (`username=..&password=..`,
 * as curl and the Python client send it) decoded into an object of string fields, both validated
 * against `LoginRequest`; the checks here only keep a body that skipped validation from reaching a user.
 */
function credentials(body: unknown): { username: unknown; password: unknown } {
  return isPlainObject(body) ? { username: body.username, password: body.password } : { username: undefined, password: undefined };
}

/**
 * Mints a token for the user. The answer names the pair as the docs and the client read it
 * (`X-Account-Id`, `X-Auth-Token`) and as Meteor Restivus answers by default (`userId`, `authToken`).
 */
export const login: Handler<ExabyteStore> = ({ body, store }) => {
  const { username, password } = credentials(body);
  if (typeof username !== 'string' || username === '' || typeof password !== 'string' || password === '') {
    throw new ApiError('bad_request', 'username and password are required');
  }
  const user = USERS.find((u) => u.username === username && u.password === password);
  if (!user) throw new ApiError('unauthorized', 'Unauthorized');
  const token = createAuthToken(store.random);
  rememberToken(store, token, user.id);
  return success({ 'X-Account-Id': user.id, 'X-Auth-Token': token, userId: user.id, authToken: token }) satisfies { body: LoginResponse };
};
