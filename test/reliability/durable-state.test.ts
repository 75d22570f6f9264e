import fc from 'fast-check';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_MODULES } from '../../src/apis/registry.js';
import { API_NAMES, type ApiName } from '../../src/core/api-module.js';
import type { MockRequest } from '../../src/core/http.js';
import { openDurableState, type DurableStateOptions } from '../../src/persistence/durable-state.js';
import { indexSpec } from '../../src/spec/spec-index.js';
import { exampleRequests } from '../fuzz/spec-shaped.js';

const dir = mkdtempSync(join(tmpdir(), 'jobs-kit-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshFile = () => join(dir, `state-${++files}.json`);

/** Every API's example requests (writes that land, reads, deletes), each with the API's dev credentials. */
const requests: { api: ApiName; request: MockRequest }[] = API_NAMES.flatMap((api) => {
  const module = BUILTIN_MODULES[api];
  return exampleRequests(module.spec, indexSpec(api, module.spec)).map((request) => ({ api, request }));
});
const credentials = Object.fromEntries(API_NAMES.map((api) => [api, BUILTIN_MODULES[api].auth.devCredentials().map((c) => c.headers)])) as Record<ApiName, Record<string, string>[]>;

const FIRST_WRITE = requests.findIndex((r) => r.request.method === 'POST');

type Action =
  | { kind: 'request'; index: number; user: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'reset' }
  | { kind: 'auth'; on: boolean };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('request' as const), index: fc.nat(requests.length - 1), user: fc.nat(2) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 6 * 3600_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('auth' as const), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
);

function apply(state: ReturnType<typeof openDurableState>, actions: Action[]): number {
  let writes = 0;
  for (const a of actions) {
    if (a.kind === 'advance') state.admin.advance(a.ms);
    else if (a.kind === 'reset') state.admin.reset();
    else if (a.kind === 'auth') state.admin.updateSettings({ auth: a.on });
    else {
      const { api, request } = requests[a.index]!;
      const users = credentials[api];
      const status = state.engine.handleSync(api, { ...request, headers: { ...users[a.user % users.length], ...request.headers } }).status;
      if (request.method !== 'GET' && status < 400) writes++;
    }
  }
  return writes;
}

const OPTIONS: DurableStateOptions = { clock: 'manual', seed: 7, validateResponses: 'throw', onError: () => {} };

describe('durable state: replay gives back the state', () => {
  it('restores the same /__admin/state (every API) as the live engine, for random write sequences (seeded)', () => {
    let totalWrites = 0;
    fc.assert(
      fc.property(fc.array(action, { minLength: 5, maxLength: 60 }), (actions) => {
        const file = freshFile();
        const live = openDurableState(file, OPTIONS);
        totalWrites += apply(live, actions);
        live.close();
        const restored = openDurableState(file, OPTIONS);
        expect(restored.admin.state().apis).toEqual(live.admin.state().apis);
        expect(restored.engine.clock.now()).toBe(live.engine.clock.now());
        expect(restored.engine.settings.auth).toBe(true);
        // And the restored engine goes on exactly like the live one would.
        const next = apply(restored, actions.slice(0, 10));
        apply(live, actions.slice(0, 10));
        expect(restored.admin.state().apis).toEqual(live.admin.state().apis);
        restored.close();
        return next >= 0;
      }),
      { seed: 20261123, numRuns: 15 },
    );
    // The sequences must have written something, or the property says nothing.
    expect(totalWrites).toBeGreaterThan(40);
  });

  it('restores in real-clock mode too (the clock carries on from the recorded start)', () => {
    const file = freshFile();
    const options = { ...OPTIONS, clock: 'real' as const };
    const live = openDurableState(file, options);
    const actions = fc.sample(fc.array(action, { minLength: 40, maxLength: 40 }), { seed: 5, numRuns: 1 })[0]!.filter((a) => a.kind !== 'reset');
    apply(live, actions);
    live.close();
    const restored = openDurableState(file, options);
    // Bring both to one instant so lifecycles have run to the same point.
    const at = live.engine.clock.now() + 1;
    for (const state of [live, restored]) {
      state.engine.clock.pin(at);
      for (const api of API_NAMES) state.engine.handleSync(api, { method: 'GET', path: '/nowhere', rawQuery: '', headers: {}, bodyText: undefined });
      state.engine.clock.pin(undefined);
    }
    expect(restored.admin.state().apis).toEqual(live.admin.state().apis);
    restored.close();
  });

  it('a reset compacts the log to nothing', () => {
    const file = freshFile();
    const live = openDurableState(file, OPTIONS);
    apply(live, [{ kind: 'advance', ms: 1000 }, { kind: 'request', index: FIRST_WRITE, user: 0 }]);
    live.flush();
    expect(JSON.parse(readFileSync(file, 'utf8')).entries.length).toBe(2);
    live.admin.reset();
    live.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).entries).toEqual([]);
  });
});

describe('durable state: a bad file is an error, never a silent fresh start', () => {
  const attempt = (content: string | undefined, options = OPTIONS) => {
    const file = freshFile();
    if (content !== undefined) writeFileSync(file, content);
    return () => openDurableState(file, options);
  };
  it('refuses a torn file', () => {
    const file = freshFile();
    const live = openDurableState(file, OPTIONS);
    apply(live, [{ kind: 'request', index: 0, user: 0 }]);
    live.close();
    const text = readFileSync(file, 'utf8');
    expect(attempt(text.slice(0, text.length - 5))).toThrow(/JSON/);
  });
  it('refuses JSON that is not a state file, a wrong version and an entry count that does not match', () => {
    expect(attempt('{"hello":1}')).toThrow(/not a jobs-kit state file/);
    expect(attempt('{"format":"jobs-kit-state","version":9}')).toThrow(/version 9/);
    expect(attempt('{"format":"jobs-kit-state","version":1,"options":{},"settings":{},"clock":{"mode":"manual","start":0,"anchor":0},"entries":[],"entryCount":3}')).toThrow(/3 entries/);
  });
  it('refuses a file recorded with other options (another seed)', () => {
    const file = freshFile();
    openDurableState(file, OPTIONS).close();
    expect(() => openDurableState(file, { ...OPTIONS, seed: 8 })).toThrow(/recorded with/);
  });
  it('refuses an unreadable file', () => {
    if (process.getuid?.() === 0) {
      // root reads anything: a directory stands in for an unreadable file.
      expect(() => openDurableState(dir, OPTIONS)).toThrow(/cannot be read/);
      return;
    }
    const file = freshFile();
    writeFileSync(file, '{}');
    chmodSync(file, 0o000);
    expect(() => openDurableState(file, OPTIONS)).toThrow(/cannot be read/);
  });
});
