import { describe, expect, it } from 'vitest';
import { decodePageToken, encodePageToken } from './page-token.js';

const alice = { principal: 'alice', query: 'status=QUEUED' };

describe('page tokens: opaque and bound', () => {
  it('round-trips a position for the same principal and query', () => {
    expect(decodePageToken(encodePageToken(42, alice), alice)).toBe(42);
  });
  it('refuses a token minted for another user or another filter', () => {
    const token = encodePageToken(42, alice);
    expect(decodePageToken(token, { ...alice, principal: 'bob' })).toBeUndefined();
    expect(decodePageToken(token, { ...alice, query: 'status=FAILED' })).toBeUndefined();
  });
  it('refuses garbage and tampered tokens', () => {
    expect(decodePageToken('not a token!', alice)).toBeUndefined();
    const token = encodePageToken(42, alice);
    expect(decodePageToken(token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA'), alice)).toBeUndefined();
  });
});
