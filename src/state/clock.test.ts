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

describe('clock: pinning and restoring (durable state)', () => {
  it('holds now() at a pinned time, moves the pin on advance, and carries on from the offset when unpinned', () => {
    const clock = createClock();
    clock.pin(DEFAULT_START + 10_000);
    expect(clock.now()).toBe(DEFAULT_START + 10_000);
    expect(clock.advance(500)).toBe(DEFAULT_START + 10_500);
    clock.pin(undefined);
    expect(clock.now()).toBe(DEFAULT_START + 500);
  });
  it('refuses a non-finite pin', () => {
    expect(() => createClock().pin(Number.NaN)).toThrow(RangeError);
  });
  it('in real mode, a clock re-created from the recorded start and anchor carries on as if it had never stopped', () => {
    let wall = 5_000_000;
    const first = createClock({ mode: 'real', wallNow: () => wall });
    wall += 1000;
    first.advance(60_000);
    const restored = createClock({ mode: 'real', start: first.startedAt, anchor: first.anchor, wallNow: () => wall });
    restored.advance(60_000);
    expect(restored.now()).toBe(first.now());
    wall += 250;
    expect(restored.now()).toBe(first.now());
  });
  it('re-anchors on reset', () => {
    let wall = 1000;
    const clock = createClock({ mode: 'real', wallNow: () => wall });
    wall = 4000;
    clock.reset();
    expect(clock.anchor).toBe(4000);
    expect(clock.now()).toBe(clock.startedAt);
  });
});

describe('clock: reset while pinned', () => {
  it('moves the pin back to the start', () => {
    const clock = createClock({ start: 1000 });
    clock.advance(50);
    clock.pin(clock.now());
    clock.reset();
    expect(clock.now()).toBe(1000);
    clock.pin(undefined);
    expect(clock.now()).toBe(1000);
  });
});
