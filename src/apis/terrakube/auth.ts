/**
 * Terrakube authenticates with bearer JWTs issued by its Dex (OIDC) server; the `groups` claim holds
 * the Dex groups, and a Terrakube team *is* a group name (`GroupService.isMember` compares them).
 * The mock accepts a fixed set of development tokens: JWT-shaped (header.payload.signature, with the
 * claims Dex puts in an ID token) so that clients which decode the token for display still work, but
 * matched as whole strings (the mock verifies no signature).
 */
import { ApiError } from '../../core/api-error.js';
import type { AuthScheme } from '../../core/api-module.js';
import type { DevCredential, Principal } from '../../core/principal.js';
import type { TerrakubeStore } from './store.js';

/** Role of the principal used when auth is off: every check passes (there is no caller to check). */
export const ALL_ACCESS = 'jobs-kit:all-access';

const ISSUER = 'https://terrakube-api.platform.local/dex';

interface DevUser {
  id: string;
  name: string;
  email: string;
  groups: string[];
  note: string;
}

/** The development users: alice and carol share an organization with different teams; bob is in another. */
export const DEV_USERS: readonly DevUser[] = [
  { id: 'alice', name: 'Alice Admin', email: 'alice@platform.local', groups: ['PLATFORM_ADMINS', 'PLATFORM_APPROVERS'], note: 'platform-engineering: manages and approves jobs' },
  { id: 'bob', name: 'Bob Builder', email: 'bob@platform.local', groups: ['DATA_SCIENCE'], note: 'data-science: manages and approves jobs' },
  { id: 'carol', name: 'Carol Viewer', email: 'carol@platform.local', groups: ['PLATFORM_VIEWERS'], note: 'platform-engineering: view only' },
];

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A Dex-style ID token for a development user (fixed times, so the same string every run). */
export function devToken(user: DevUser): string {
  const header = { alg: 'RS256', kid: 'jobs-kit-dev', typ: 'JWT' };
  const payload = {
    iss: ISSUER,
    sub: base64url(`${user.id}:local`),
    aud: 'terrakube',
    exp: 4102444800,
    iat: 1735689600,
    email: user.email,
    email_verified: true,
    name: user.name,
    groups: user.groups,
  };
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${base64url(`jobs-kit development signature for ${user.id}`)}`;
}

/** Audit fields (`createdBy`/`updatedBy`) hold the token's email, as Terrakube's `DexAuditorAwareImpl` does. */
function principalOf(user: DevUser): Principal {
  return { id: user.email, name: user.name, roles: user.groups };
}

const TOKENS = new Map(DEV_USERS.map((u) => [devToken(u), principalOf(u)]));

const unauthorized = (detail: string, challenge: string) =>
  new ApiError('unauthorized', detail, { headers: { 'www-authenticate': challenge } });

export const auth: AuthScheme<TerrakubeStore> = {
  authenticate(request) {
    const header = request.headers['authorization'];
    if (!header) return unauthorized('Full authentication is required to access this resource', 'Bearer');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return unauthorized('Full authentication is required to access this resource', 'Bearer');
    const principal = TOKENS.get(match[1]!);
    if (!principal) {
      return unauthorized(
        'An error occurred while attempting to decode the Jwt: the token is not one this server issued',
        'Bearer error="invalid_token", error_description="An error occurred while attempting to decode the Jwt", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"',
      );
    }
    return principal;
  },
  devCredentials(): DevCredential[] {
    return DEV_USERS.map((u) => ({
      principal: principalOf(u),
      headers: { authorization: `Bearer ${devToken(u)}` },
      description: `Bearer <Dex ID token of ${u.email}> (groups ${u.groups.join(', ')}; ${u.note})`,
    }));
  },
  anonymous: { id: 'anonymous', name: 'Anonymous (auth off)', roles: [ALL_ACCESS] },
};
