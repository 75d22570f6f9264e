import { describe, expect, it } from 'vitest';
import { createClock, DEFAULT_START } from './clock.js';

describe('clock: manual mode', () => {
  it('stands still until advanced, from a fixed start', () => {
    const clock = createClock();
    expect(clock.now()).toBe(DEFAULT_START);
    expect(clock.advance(1500)).toBe(DEFAULT_START + 1500);
    expect(clock.now()).toBe(DEFAULT_START + 1500);
  });
  it('refuses to move backwards or by a non-finite amount', () => {
    const clock = createClock();
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });
  it('goes back to the start on reset', () => {
    const clock = createClock({ start: 1000 });
    clock.advance(50);
    clock.reset();
    expect(clock.now()).toBe(1000);
  });
});

describe('clock: real mode', () => {
  it('follows wall time and adds what was advanced', () => {
    let wall = 10_000;
    const clock = createClock({ mode: 'real', wallNow: () => wall });
    expect(clock.now()).toBe(10_000);
    wall += 200;
    expect(clock.now()).toBe(10_200);
    clock.advance(3_600_000);
    expect(clock.now()).toBe(10_200 + 3_600_000);
  });
});
