import { describe, expect, it } from 'vitest';
import { counterOf, formatAccessToken, formatObjectId, isObjectId, timeOf } from './ids.js';
import { createRandom } from '../../state/random.js';

describe('alteryx: ObjectId ids', () => {
  it('formats 24 lower-case hex digits: timestamp, the process part, counter', () => {
    const id = formatObjectId(Date.parse('2024-09-19T07:23:57Z'), 0xd8c);
    expect(id).toBe('66ebd18d3d6200007e000d8c');
    expect(isObjectId(id)).toBe(true);
  });

  it('reads back the creation second and the counter', () => {
    const at = Date.parse('2025-01-01T00:00:00.750Z');
    const id = formatObjectId(at, 0x123456);
    expect(timeOf(id)).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(counterOf(id)).toBe(0x123456);
  });

  it('wraps the counter at 2^24 as MongoDB does', () => {
    expect(counterOf(formatObjectId(0, 0x1000001))).toBe(1);
  });

  it('refuses anything that is not 24 lower-case hex digits', () => {
    for (const bad of ['66EBD18D3D6200007E000D8C', '66ebd18d3d6200007e000d8', 'zzebd18d3d6200007e000d8c', 42, undefined]) expect(isObjectId(bad)).toBe(false);
  });

  it('makes opaque base64url access tokens from the random stream it is given', () => {
    const a = formatAccessToken((alphabet, n) => createRandom(7).chars(alphabet, n));
    const b = formatAccessToken((alphabet, n) => createRandom(7).chars(alphabet, n));
    expect(a).toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{86}$/);
  });
});
