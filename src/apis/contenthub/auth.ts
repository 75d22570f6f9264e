import { ApiError } from '../../core/api-error.js';
import type { AuthScheme } from '../../core/api-module.js';
import type { DevCredential, Principal } from '../../core/principal.js';
import type { ContentHubStore } from './store.js';
import type { JobRecord } from './records.js';

/** A Content Hub user: a user entity (int64 id) with an OAuth access token issued for it. */
export interface ContentHubUser {
  entityId: number;
  name: string;
  token: string;
  /** `superuser`: member of Content Hub's Superusers group, with every permission. */
  roles: readonly string[];
}

export const USERS: readonly ContentHubUser[] = [
  { entityId: 31017, name: 'alice', token: 'dev-token-alice', roles: [] },
  { entityId: 31018, name: 'bob', token: 'dev-token-bob', roles: [] },
  { entityId: 6, name: 'administrator', token: 'dev-token-administrator', roles: ['superuser'] },
];

export const ALICE = USERS[0]!;
export const BOB = USERS[1]!;
export const ADMINISTRATOR = USERS[2]!;

const toPrincipal = (user: ContentHubUser): Principal => ({ id: String(user.entityId), name: user.name, roles: user.roles });

/** The user entity id behind a principal (principals carry it as a string). */
export const principalEntityId = (principal: Principal): number => Number(principal.id);

export type Access = 'none' | 'read' | 'write';

/**
 * What a principal may do with a job and everything under it (targets and description inherit the
 * job's security): superusers and the job's creator may change it, its readers may read it.
 */
export function accessTo(job: JobRecord, principal: Principal): Access {
  if (principal.roles.includes('superuser')) return 'write';
  const user = principalEntityId(principal);
  if (user === job.createdBy) return 'write';
  return job.readers.includes(user) ? 'read' : 'none';
}

function unauthorized(): ApiError {
  // Content Hub is an ASP.NET service; this is the message its authorization filter answers with.
  return new ApiError('unauthorized', 'Authorization has been denied for this request.', { headers: { 'www-authenticate': 'Bearer' } });
}

/**
 * OAuth2 bearer tokens (https://doc.sitecore.com/ch/en/developers/cloud-dev/oauth-tokens.html): every
 * request sends `Authorization: Bearer <token>`. The seed says the client id is sent too; Sitecore's
 * request examples send only the token (the client id is bound to it at issue), so no header is checked.
 */
export const auth: AuthScheme<ContentHubStore> = {
  authenticate(request) {
    const header = request.headers['authorization'];
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    const user = match ? USERS.find((u) => u.token === match[1]) : undefined;
    return user ? toPrincipal(user) : unauthorized();
  },
  devCredentials: (): DevCredential[] =>
    USERS.map((user) => ({
      principal: toPrincipal(user),
      headers: { authorization: `Bearer ${user.token}` },
      description: `Bearer ${user.token} (user ${user.name}, entity ${user.entityId}${user.roles.length ? `, ${user.roles.join(', ')}` : ''})`,
    })),
  // With auth off, requests act as the built-in Administrator, who may see and change everything.
  anonymous: toPrincipal(ADMINISTRATOR),
};
