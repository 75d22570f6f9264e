import { afterAll, beforeAll, describe } from 'vitest';
import type { Door } from '../conformance/door.js';
import { SUITES } from './suites.js';

/** Registers every API's conformance suite against one door, opened once per file. */
export function runSuitesThrough(name: string, open: () => Promise<Door & { close?: () => Promise<void> }>): void {
  let door: (Door & { close?: () => Promise<void> }) | undefined;
  beforeAll(async () => {
    door = await open();
  });
  afterAll(async () => {
    await door?.close?.();
  });
  for (const [api, suite] of SUITES) {
    describe(`${api} via ${name}`, () => {
      suite(() => {
        if (!door) throw new Error(`the ${name} door did not open`);
        return door;
      });
    });
  }
}
