/**
 * SigV4 authentication against a small set of development IAM users, and their IAM policies:
 * alice and bob work in account 123456789012, carol in 210987654321 (another account: she cannot see
 * their jobs), and dave in 123456789012 with a read-only policy (Describe*, Get*, List*), so
 * AccessDeniedException can be exercised. The access key id picks the user; the region comes from
 * the credential scope.
 */
import { isApiError } from '../../core/api-error.js';
import type { AuthScheme } from '../../core/api-module.js';
import type { DevCredential, Principal } from '../../core/principal.js';
import { awsError } from './errors.js';
import { DEFAULT_REGION } from './ids.js';
import { parseSigV4, SIGNING_SERVICE, SIGV4_ALGORITHM } from './sigv4.js';
import type { IotStore } from './store.js';

export const FIXTURE_ACCOUNT = '123456789012';
export const OTHER_ACCOUNT = '210987654321';

interface DevUser {
  accessKeyId: string;
  principal: Principal;
  /** IAM action patterns the user's policy allows (`iot:*`, `iot:List*`). */
  allow: readonly string[];
}

const FULL_ACCESS = ['iot:*'];
const READ_ONLY = ['iot:Describe*', 'iot:Get*', 'iot:List*'];

function user(name: string, account: string, accessKeyId: string, allow: readonly string[]): DevUser {
  return { accessKeyId, allow, principal: { id: name, name: `arn:aws:iam::${account}:user/${name}`, account, roles: allow.includes('iot:*') ? ['iot-admin'] : ['iot-read-only'] } };
}

const USERS: readonly DevUser[] = [
  user('alice', FIXTURE_ACCOUNT, 'AKIAJOBSKITALICE0001', FULL_ACCESS),
  user('bob', FIXTURE_ACCOUNT, 'AKIAJOBSKITBOB000002', FULL_ACCESS),
  user('carol', OTHER_ACCOUNT, 'AKIAJOBSKITCAROL0003', FULL_ACCESS),
  user('dave', FIXTURE_ACCOUNT, 'AKIAJOBSKITDAVE00004', READ_ONLY),
];
const BY_KEY = new Map(USERS.map((u) => [u.accessKeyId, u]));

/** The virtual clock's start day: the ready-made headers are dated then (skew is not checked). */
const DEV_DATE = '20250101';

/** A ready-made, well-formed SigV4 header set for a user (any region works; us-east-1 by default). */
export function sigV4Headers(accessKeyId: string, region = DEFAULT_REGION): Record<string, string> {
  // Not a real HMAC: the mock checks the form of the signature, not its value.
  const signature = `${accessKeyId.toLowerCase().replace(/[^0-9a-f]/g, '0')}`.padEnd(64, '0').slice(0, 64);
  return {
    authorization: `${SIGV4_ALGORITHM} Credential=${accessKeyId}/${DEV_DATE}/${region}/${SIGNING_SERVICE}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
    'x-amz-date': `${DEV_DATE}T000000Z`,
  };
}

/** IAM wildcard match of an action against a policy pattern (`iot:List*`). */
function allows(pattern: string, action: string): boolean {
  if (!pattern.endsWith('*')) return pattern === action;
  return action.startsWith(pattern.slice(0, -1));
}

/** The IAM action an operation needs: the operation ids are AWS's operation names in camelCase. */
export function iamAction(operationId: string): string {
  let action = ACTIONS.get(operationId);
  if (action === undefined) {
    action = `iot:${operationId.charAt(0).toUpperCase()}${operationId.slice(1)}`;
    ACTIONS.set(operationId, action);
  }
  return action;
}
/** Built once per operation id (a handful), not on every request. */
const ACTIONS = new Map<string, string>();

export const iotAuth: AuthScheme<IotStore> = {
  authenticate(request) {
    const credential = parseSigV4(request.headers['authorization'], request.headers['x-amz-date']);
    if (isApiError(credential)) return credential;
    const found = BY_KEY.get(credential.accessKeyId);
    if (!found) return awsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
    const action = iamAction(request.operation.operationId);
    if (!found.allow.some((pattern) => allows(pattern, action))) {
      return awsError('AccessDeniedException', `User: ${found.principal.name} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`);
    }
    return found.principal;
  },
  devCredentials(): DevCredential[] {
    return USERS.map((u) => ({
      principal: u.principal,
      headers: sigV4Headers(u.accessKeyId),
      description: `SigV4 access key ${u.accessKeyId} (IAM user ${u.principal.id}, account ${u.principal.account}, ${u.allow.join(' ')})`,
    }));
  },
  anonymous: { id: 'anonymous', name: 'anonymous (auth off)', account: FIXTURE_ACCOUNT, roles: ['iot-admin'] },
};
