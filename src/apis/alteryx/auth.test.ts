import { describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import type { AuthRequest } from '../../core/api-module.js';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { auth, DEV_USERS, isCurator, issueToken, MAX_TOKENS, TOKEN_LIFETIME_MS } from './auth.js';
import { createStore } from './store.js';

function setup() {
  const clock = createClock({ mode: 'manual' });
  return { clock, store: createStore({ random: createRandom(1), clock, fixtures: false }) };
}

const request = (authorization?: string) => ({ method: 'GET', path: '/webapi/v3/jobs/x', headers: authorization ? { authorization } : {}, query: new URLSearchParams() }) as unknown as AuthRequest;

describe('alteryx: OAuth2 bearer auth', () => {
  it('has a Curator and two plain users with distinct keys, secrets and dev tokens', () => {
    expect(DEV_USERS.map((u) => isCurator(u.principal))).toEqual([true, false, false]);
    for (const field of ['apiKey', 'apiSecret', 'devToken'] as const) expect(new Set(DEV_USERS.map((u) => u[field])).size).toBe(3);
    expect(auth.devCredentials().map((c) => c.headers['authorization'])).toEqual(DEV_USERS.map((u) => `Bearer ${u.devToken}`));
  });

  it('accepts an issued token for 60 minutes of clock time, then answers 401', () => {
    const { clock, store } = setup();
    const bob = DEV_USERS[1]!;
    const token = issueToken(store, bob.principal.id, clock.now());
    expect(auth.authenticate(request(`Bearer ${token}`), store, clock)).toEqual(bob.principal);
    clock.advance(TOKEN_LIFETIME_MS - 1);
    expect(auth.authenticate(request(`Bearer ${token}`), store, clock)).toEqual(bob.principal);
    clock.advance(1);
    const refused = auth.authenticate(request(`Bearer ${token}`), store, clock);
    expect(isApiError(refused) && refused.status).toBe(401);
    expect(isApiError(refused) && refused.headers['www-authenticate']).toBe('Bearer');
    expect(store.tokens.has(token)).toBe(false);
  });

  it('keeps dev tokens valid however far the clock moves (a mock convenience)', () => {
    const { clock, store } = setup();
    clock.advance(30 * 24 * 3600_000);
    expect(auth.authenticate(request('bearer dev-token-carol'), store, clock)).toEqual(DEV_USERS[2]!.principal);
  });

  it('refuses a missing header, another scheme and an unknown token with 401', () => {
    const { clock, store } = setup();
    for (const header of [undefined, 'Basic YWxpY2U6eA==', 'Bearer', 'Bearer not-a-token']) {
      const result = auth.authenticate(request(header), store, clock);
      expect(isApiError(result) && result.code, String(header)).toBe('unauthorized');
    }
  });

  it('issues a different token each time, the same sequence for the same seed', () => {
    const a = setup();
    const b = setup();
    const fromA = [issueToken(a.store, DEV_USERS[0]!.principal.id, 0), issueToken(a.store, DEV_USERS[0]!.principal.id, 0)];
    const fromB = [issueToken(b.store, DEV_USERS[0]!.principal.id, 0), issueToken(b.store, DEV_USERS[0]!.principal.id, 0)];
    expect(fromA[0]).not.toBe(fromA[1]);
    expect(fromA).toEqual(fromB);
  });

  it('keeps the token store bounded: expired tokens go, and the oldest when it is full', () => {
    const { store } = setup();
    const first = issueToken(store, DEV_USERS[0]!.principal.id, 0);
    issueToken(store, DEV_USERS[0]!.principal.id, TOKEN_LIFETIME_MS);
    expect(store.tokens.has(first)).toBe(false);
    for (let i = 0; i < MAX_TOKENS + 5; i++) issueToken(store, DEV_USERS[1]!.principal.id, TOKEN_LIFETIME_MS);
    expect(store.tokens.size).toBe(MAX_TOKENS);
  });

  it('acts as the first dev user (the Curator) when auth is off', () => {
    expect(auth.anonymous).toEqual(DEV_USERS[0]!.principal);
  });
});
