import { describe, expect, it } from 'vitest';
import { isApiError, type ApiError } from '../../core/api-error.js';
import { sigV4Headers } from './auth.js';
import { credentialRegion, parseSigV4 } from './sigv4.js';

const good = sigV4Headers('AKIAJOBSKITALICE0001', 'eu-west-1');
/** The refusal for a header (and an x-amz-date; `null` sends none), or 'ok'. */
const codeOf = (authorization: string | undefined, date: string | null = good['x-amz-date']!) => {
  const result = parseSigV4(authorization, date ?? undefined);
  return isApiError(result) ? [(result as ApiError).status, result.detail['code']] : 'ok';
};

describe('iot: SigV4 Authorization header', () => {
  it('parses a well-formed header into access key, scope and signed headers', () => {
    expect(parseSigV4(good['authorization'], good['x-amz-date'])).toEqual({
      accessKeyId: 'AKIAJOBSKITALICE0001', date: '20250101', region: 'eu-west-1', signedHeaders: ['host', 'x-amz-date'], signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('answers each malformation with the 403 exception AWS uses', () => {
    const h = good['authorization']!;
    expect(codeOf(undefined)).toEqual([403, 'MissingAuthenticationTokenException']);
    expect(codeOf('AWS4-HMAC-SHA1 Credential=x')).toEqual([403, 'IncompleteSignatureException']);
    expect(codeOf(h.replace(/, SignedHeaders=[^,]+/, ''))).toEqual([403, 'IncompleteSignatureException']);
    expect(codeOf(h.replace('/aws4_request', ''))).toEqual([403, 'IncompleteSignatureException']);
    expect(codeOf(h.replace('AKIAJOBSKITALICE0001', 'alice'))).toEqual([403, 'UnrecognizedClientException']);
    expect(codeOf(h.replace('/20250101/', '/2025-1-1/'))).toEqual([403, 'InvalidSignatureException']);
    expect(codeOf(h.replace('/eu-west-1/', '/mars-north-1/'))).toEqual([403, 'InvalidSignatureException']);
    expect(codeOf(h.replace('/iot/', '/execute-api/'))).toEqual([403, 'InvalidSignatureException']);
    expect(codeOf(h.replace('/aws4_request', '/aws5_request'))).toEqual([403, 'InvalidSignatureException']);
    expect(codeOf(h.replace('SignedHeaders=host;', 'SignedHeaders='))).toEqual([403, 'InvalidSignatureException']);
    expect(codeOf(h.replace('SignedHeaders=host', 'SignedHeaders=Host'))).toEqual([403, 'IncompleteSignatureException']);
    expect(codeOf(h.replace(/Signature=\w+/, 'Signature=abc'))).toEqual([403, 'InvalidSignatureException']);
    expect(codeOf(h, null)).toEqual([403, 'IncompleteSignatureException']);
    expect(codeOf(h, '2025-01-01T00:00:00Z')).toEqual([403, 'IncompleteSignatureException']);
    expect(codeOf(h, '20250102T000000Z')).toEqual([403, 'InvalidSignatureException']);
  });

  it('reads the region of the credential scope for the handlers', () => {
    expect(credentialRegion(good['authorization'])).toBe('eu-west-1');
    expect(credentialRegion('Bearer x')).toBeUndefined();
    expect(credentialRegion(undefined)).toBeUndefined();
  });
});
