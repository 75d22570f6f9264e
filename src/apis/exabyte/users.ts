import type { components } from '../../generated/exabyte.js';
import type { Principal } from '../../core/principal.js';

type EntityReference = components['schemas']['EntityReference'];

/** A development user of the mock. For a personal account the platform's account id is the user id. */
export interface ExabyteUser {
  id: string;
  username: string;
  password: string;
  /** A token valid from start-up (login mints more). */
  token: string;
  /** The account's default project, used when a job is created without `_project`. */
  defaultProject: EntityReference;
  principal: Principal;
}

function user(id: string, username: string, token: string, projectId: string): ExabyteUser {
  return {
    id,
    username,
    password: `${username}-dev-password`,
    token,
    defaultProject: { _id: projectId, cls: 'Project', slug: `${username}-default` },
    principal: { id, name: username, account: id, roles: [] },
  };
}

/**
 * alice uses the id and token of the seed's curl examples (`X-User-Id: fbdpsNf4oHiX79vMJ`,
 * `X-Auth-Token: f2KpRW7KeN9aPmjSZ`), so those commands work against the mock as written.
 */
export const USERS: readonly ExabyteUser[] = [
  user('fbdpsNf4oHiX79vMJ', 'alice', 'f2KpRW7KeN9aPmjSZ', 'aP4sXkR7nT2mQ9wZe'),
  user('Qb7XkPz3nW9RtYm2c', 'bob', 'bK4tNz8QwE2rJ6yHd', 'bP8yHq3NcW5rK2tJf'),
];

export function findUser(id: string): ExabyteUser | undefined {
  return USERS.find((u) => u.id === id);
}

/** How a job points at its owner account and its creator. */
export function accountReference(user: ExabyteUser): EntityReference {
  return { _id: user.id, cls: 'User', slug: user.username };
}
