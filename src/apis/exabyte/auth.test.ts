import { describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import type { OperationSpec } from '../../spec/spec-index.js';
import { auth, NOT_LOGGED_IN } from './auth.js';
import { createStore, MAX_LOGIN_TOKENS, rememberToken } from './store.js';
import { USERS } from './users.js';

const clock = createClock();
const store = createStore({ random: createRandom(1), clock, fixtures: false });
const [alice, bob] = USERS as [(typeof USERS)[0], (typeof USERS)[0]];
const check = (headers: Record<string, string>) =>
  auth.authenticate({ method: 'GET', path: '/api/v1/jobs', headers, query: new URLSearchParams(), operation: {} as OperationSpec }, store, clock);

describe('exabyte: X-Auth-Token + X-Account-Id', () => {
  it('accepts each development user with X-Account-Id, or the seed’s X-User-Id', () => {
    expect(check({ 'x-auth-token': alice.token, 'x-account-id': alice.id })).toEqual(alice.principal);
    expect(check({ 'x-auth-token': alice.token, 'x-user-id': alice.id })).toEqual(alice.principal);
    expect(check({ 'x-auth-token': bob.token, 'x-account-id': bob.id, 'x-user-id': bob.id })).toEqual(bob.principal);
  });

  it("refuses with Restivus's 401 when a header is missing, unknown, mismatched or another user's", () => {
    const cases: Record<string, string>[] = [
      {},
      { 'x-auth-token': alice.token },
      { 'x-account-id': alice.id },
      { 'x-auth-token': 'nope', 'x-account-id': alice.id },
      { 'x-auth-token': alice.token, 'x-account-id': bob.id },
      { 'x-auth-token': alice.token, 'x-account-id': alice.id, 'x-user-id': bob.id },
    ];
    for (const headers of cases) {
      const result = check(headers);
      expect(isApiError(result) && result.status === 401 && result.message === NOT_LOGGED_IN, JSON.stringify(headers)).toBe(true);
    }
  });

  it('offers both users as development credentials, alice (the seed’s ids) first, and alice when auth is off', () => {
    const creds = auth.devCredentials();
    expect(creds.map((c) => c.principal.name)).toEqual(['alice', 'bob']);
    expect(creds[0]!.headers).toEqual({ 'x-auth-token': 'f2KpRW7KeN9aPmjSZ', 'x-account-id': 'fbdpsNf4oHiX79vMJ' });
    expect(auth.anonymous).toEqual(alice.principal);
  });

  it('keeps a bounded number of login tokens, never forgetting the development ones', () => {
    const local = createStore({ random: createRandom(2), clock, fixtures: false });
    for (let i = 0; i < MAX_LOGIN_TOKENS + 5; i++) rememberToken(local, `t${i}`, alice.id);
    expect(local.tokens.size).toBe(MAX_LOGIN_TOKENS + USERS.length);
    expect(local.tokens.has('t0')).toBe(false);
    expect(local.tokens.get(alice.token)).toBe(alice.id);
  });
});
