import { describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import type { AuthRequest } from '../../core/api-module.js';
import { ALL_ACCESS, auth, DEV_USERS, devToken } from './auth.js';
import type { TerrakubeStore } from './store.js';

const request = (authorization?: string): AuthRequest =>
  ({ method: 'GET', path: '/api/v1/organization/x', headers: authorization ? { authorization } : {}, query: new URLSearchParams(), operation: {} as AuthRequest['operation'] });
const authenticate = (authorization?: string) => auth.authenticate(request(authorization), {} as TerrakubeStore, { now: () => 0 } as never);

describe('terrakube: Dex bearer tokens', () => {
  it('accepts each development token as its user, with the Dex groups as roles', () => {
    for (const credential of auth.devCredentials()) {
      expect(authenticate(credential.headers['authorization'])).toEqual(credential.principal);
    }
    expect(auth.devCredentials().map((c) => c.principal.roles)).toEqual([['PLATFORM_ADMINS', 'PLATFORM_APPROVERS'], ['DATA_SCIENCE'], ['PLATFORM_VIEWERS']]);
  });

  it('issues JWT-shaped tokens whose payload carries the claims Dex sets', () => {
    const [header, payload] = devToken(DEV_USERS[0]!).split('.').slice(0, 2).map((part) => JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))));
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toMatchObject({ email: 'alice@platform.local', groups: ['PLATFORM_ADMINS', 'PLATFORM_APPROVERS'], aud: 'terrakube' });
  });

  it('answers 401 with a Bearer challenge without a token, and invalid_token for an unknown one', () => {
    const missing = authenticate();
    expect(isApiError(missing) && [missing.status, missing.headers['www-authenticate']]).toEqual([401, 'Bearer']);
    const basic = authenticate('Basic YWxpY2U6c2VjcmV0');
    expect(isApiError(basic) && basic.status).toBe(401);
    const forged = authenticate(`Bearer ${devToken({ ...DEV_USERS[0]!, groups: ['TERRAKUBE_ADMIN'] })}`);
    expect(isApiError(forged) && forged.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
  });

  it('uses an all-access principal when auth is off', () => {
    expect(auth.anonymous.roles).toEqual([ALL_ACCESS]);
  });
});
