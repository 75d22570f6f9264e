/**
 * A strict parser for the AWS Signature Version 4 `Authorization` header
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-signing-request.html):
 *
 *   AWS4-HMAC-SHA256 Credential=<AKID>/<yyyymmdd>/<region>/<service>/aws4_request,
 *     SignedHeaders=<lower-case names joined by ;>, Signature=<64 hex>
 *
 * Refusals carry the exception names and messages AWS's front door uses. The signature itself is
 * not recomputed (see the security scheme in specs/iot.openapi.yaml for why).
 */
import { isApiError, type ApiError } from '../../core/api-error.js';
import { awsError } from './errors.js';
import { isRegion } from './ids.js';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
export const SIGNING_SERVICE = 'iot';

export interface SigV4Credential {
  accessKeyId: string;
  /** yyyymmdd of the credential scope. */
  date: string;
  region: string;
  signedHeaders: string[];
  signature: string;
}

const ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
const AMZ_DATE = /^(\d{8})T\d{6}Z$/;

function parameters(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

/**
 * Headers already accepted, by `authorization` + `x-amz-date`: a client sends the same pair on request
 * after request, and parsing it was 10-15 % of every iot request. Refusals are not kept (each gets a
 * fresh error); the map is cleared when full, so hostile traffic cannot grow it.
 */
const accepted = new Map<string, Readonly<SigV4Credential>>();
const ACCEPTED_MAX = 1024;

/** Parses and checks the header structure and credential scope; the access key is not looked up here. */
export function parseSigV4(authorization: string | undefined, amzDate: string | undefined): Readonly<SigV4Credential> | ApiError {
  const key = `${authorization}\n${amzDate}`;
  const known = accepted.get(key);
  if (known) return known;
  const parsed = parseUncached(authorization, amzDate);
  if (isApiError(parsed)) return parsed;
  // Frozen: every request with these headers shares the object.
  const credential = Object.freeze({ ...parsed, signedHeaders: Object.freeze(parsed.signedHeaders) as string[] });
  if (key.length <= 2048) {
    if (accepted.size >= ACCEPTED_MAX) accepted.clear();
    accepted.set(key, credential);
  }
  return credential;
}

function parseUncached(authorization: string | undefined, amzDate: string | undefined): SigV4Credential | ApiError {
  if (!authorization) return awsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const space = authorization.indexOf(' ');
  const algorithm = space < 0 ? authorization : authorization.slice(0, space);
  if (algorithm !== SIGV4_ALGORITHM) {
    return awsError('IncompleteSignatureException', `Authorization header requires the '${SIGV4_ALGORITHM}' algorithm (got '${algorithm.slice(0, 40)}').`);
  }
  const params = parameters(authorization.slice(space + 1));
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((name) => !params.get(name));
  if (missing.length > 0) return awsError('IncompleteSignatureException', missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '));
  const scope = params.get('Credential')!.split('/');
  if (scope.length !== 5) return awsError('IncompleteSignatureException', "Credential should have the form '<access key id>/<yyyymmdd>/<region>/<service>/aws4_request'.");
  const [accessKeyId, date, region, service, terminator] = scope as [string, string, string, string, string];
  if (!ACCESS_KEY_ID.test(accessKeyId)) return awsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  if (!/^\d{8}$/.test(date)) return awsError('InvalidSignatureException', `Credential should be scoped to a valid date, not '${date}'.`);
  if (!isRegion(region)) return awsError('InvalidSignatureException', `Credential should be scoped to a valid region, not '${region}'.`);
  if (service !== SIGNING_SERVICE) return awsError('InvalidSignatureException', `Credential should be scoped to correct service: '${SIGNING_SERVICE}'.`);
  if (terminator !== 'aws4_request') return awsError('InvalidSignatureException', `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`);
  const signedHeaders = params.get('SignedHeaders')!.split(';');
  if (!signedHeaders.every((h) => /^[a-z0-9-]+$/.test(h))) return awsError('IncompleteSignatureException', 'SignedHeaders must be lower-case header names separated by semicolons.');
  if (!signedHeaders.includes('host')) return awsError('InvalidSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  const signature = params.get('Signature')!;
  if (!/^[0-9a-f]{64}$/.test(signature)) return awsError('InvalidSignatureException', 'The request signature we calculated does not match the signature you provided.');
  if (!amzDate) return awsError('IncompleteSignatureException', "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  const dated = AMZ_DATE.exec(amzDate);
  if (!dated) return awsError('IncompleteSignatureException', `X-Amz-Date '${amzDate.slice(0, 40)}' is not in the ISO 8601 basic format yyyyMMddTHHmmssZ.`);
  if (dated[1] !== date) {
    return awsError('InvalidSignatureException', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${dated[1]}', from '${amzDate}'.`);
  }
  return { accessKeyId, date, region, signedHeaders, signature };
}

/** The region of a well-formed SigV4 header, for requests that reach a handler (auth on or off). */
export function credentialRegion(authorization: string | undefined): string | undefined {
  const credential = /Credential=[A-Z0-9]+\/\d{8}\/([a-z0-9-]+)\//.exec(authorization ?? '');
  return credential && isRegion(credential[1]!) ? credential[1] : undefined;
}
