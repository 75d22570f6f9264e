/**
 * OAuth 2.0 bearer tokens, as the Server API V3 uses them ("Configure and Authorize the Server API
 * V3"): a user exchanges their API key and secret at POST /webapi/oauth2/token for a token that
 * lasts 60 minutes; every other endpoint wants `Authorization: Bearer <token>`.
 *
 * Mock convenience (the real server has nothing like it): each dev user also has a long-lived
 * token, `dev-token-<name>`, so `serve` can print ready-made headers that keep working however far
 * the clock moves. Tokens from the token endpoint expire like the real ones.
 */
import { ApiError } from '../../core/api-error.js';
import type { AuthRequest, AuthScheme } from '../../core/api-module.js';
import type { DevCredential, Principal } from '../../core/principal.js';
import type { Clock } from '../../state/clock.js';
import { formatAccessToken } from './ids.js';
import type { AlteryxStore } from './store.js';

export const TOKEN_LIFETIME_MS = 60 * 60 * 1000;
/** Most live tokens the store keeps (oldest dropped first): the store stays bounded under load. */
export const MAX_TOKENS = 10_000;
export const CURATOR = 'curator';

export interface DevUser {
  principal: Principal;
  /** API key (OAuth client_id) and API secret (client_secret), as Server → My Profile → Keys shows them. */
  apiKey: string;
  apiSecret: string;
  devToken: string;
}

function devUser(id: string, name: string, login: string, role: 'curator' | 'user'): DevUser {
  return {
    principal: { id, name, roles: role === CURATOR ? [CURATOR] : ['user'] },
    apiKey: `${login}-api-key`,
    apiSecret: `${login}-api-secret`,
    devToken: `dev-token-${login}`,
  };
}

/** alice is a Curator (Server admin); bob and carol are plain users, so isolation shows between them. */
export const DEV_USERS: readonly DevUser[] = [
  devUser('6537a1f0c2b14e0012a11ce1', 'Alice Curator', 'alice', 'curator'),
  devUser('6537a1f0c2b14e0012b0b0b2', 'Bob Analyst', 'bob', 'user'),
  devUser('6537a1f0c2b14e0012ca401c', 'Carol Analyst', 'carol', 'user'),
];

export function isCurator(principal: Principal): boolean {
  return principal.roles.includes(CURATOR);
}

export function findUser(userId: string): DevUser | undefined {
  return DEV_USERS.find((u) => u.principal.id === userId);
}

export function findClient(apiKey: string): DevUser | undefined {
  return DEV_USERS.find((u) => u.apiKey === apiKey);
}

/** Issues a 60-minute token (deterministic per seed: drawn from the store's token stream). */
export function issueToken(store: AlteryxStore, userId: string, now: number): string {
  // Tokens are kept in issue order, which is expiry order (the clock only moves forward).
  for (const [token, issued] of store.tokens) {
    if (issued.expiresAt > now && store.tokens.size < MAX_TOKENS) break;
    store.tokens.delete(token);
  }
  const token = formatAccessToken((alphabet, length) => store.tokenRandom.chars(alphabet, length));
  store.tokens.set(token, { userId, expiresAt: now + TOKEN_LIFETIME_MS });
  return token;
}

/** The 401 ASP.NET Web API answers when the bearer token is missing, unknown or expired. */
export function denied(): ApiError {
  return new ApiError('unauthorized', 'Authorization has been denied for this request.', { headers: { 'www-authenticate': 'Bearer' } });
}

function authenticate(request: AuthRequest, store: AlteryxStore, clock: Clock): Principal | ApiError {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers['authorization'] ?? '');
  if (!match) return denied();
  const token = match[1]!;
  const dev = DEV_USERS.find((u) => u.devToken === token);
  if (dev) return dev.principal;
  const issued = store.tokens.get(token);
  if (!issued) return denied();
  if (issued.expiresAt <= clock.now()) {
    store.tokens.delete(token);
    return denied();
  }
  return findUser(issued.userId)?.principal ?? denied();
}

export const auth: AuthScheme<AlteryxStore> = {
  authenticate,
  devCredentials(): DevCredential[] {
    return DEV_USERS.map((u) => ({
      principal: u.principal,
      headers: { authorization: `Bearer ${u.devToken}` },
      description: `Bearer ${u.devToken} (${u.principal.name}, ${u.principal.roles.join(', ')}; long-lived mock token) — or POST /webapi/oauth2/token with client_id=${u.apiKey}&client_secret=${u.apiSecret} for a 60-minute token`,
    }));
  },
  // With auth off every request acts as the first dev user, so the spec's examples work unchanged.
  anonymous: DEV_USERS[0]!.principal,
};
