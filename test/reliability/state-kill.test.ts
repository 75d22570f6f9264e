import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_MODULES } from '../../src/apis/registry.js';
import { API_NAMES } from '../../src/core/api-module.js';
import { openDurableState } from '../../src/persistence/durable-state.js';
import { parseStateFile } from '../../src/persistence/state-file.js';
import { indexSpec } from '../../src/spec/spec-index.js';
import { createRandom } from '../../src/state/random.js';
import { ensureBuilt, runCli, startServe, waitExit } from '../cli/run-cli.js';
import { exampleRequests } from '../fuzz/spec-shaped.js';

const dir = mkdtempSync(join(tmpdir(), 'jobs-kit-kill-'));
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FLAGS = ['--port', '0', '--clock', 'manual', '--seed', '3', '--no-auth'];
/** Every POST the specs have examples for, on every API (creates, actions, logins). */
const writes = API_NAMES.flatMap((api) => {
  const module = BUILTIN_MODULES[api];
  return exampleRequests(module.spec, indexSpec(api, module.spec)).filter((r) => r.method === 'POST').map((r) => ({ api, ...r }));
});
const urlOf = (banner: string) => /listening on (http:\/\/\S+)/.exec(banner)![1]!;
const writeIdsIn = (file: string) => parseStateFile(file, readFileSync(file, 'utf8')).entries.flatMap((e) => (e.kind === 'request' && e.request.headers['x-write-id'] ? [Number(e.request.headers['x-write-id'])] : []));

describe('serve --state under SIGKILL', () => {
  it('always leaves a complete snapshot (never torn) that holds every write acknowledged before the debounce window, and restarts from it', async () => {
    const file = join(dir, 'state.json');
    const random = createRandom(20261123);
    let nextId = 1;
    let previous: number[] = [];
    for (let round = 0; round < 4; round++) {
      const { child, banner } = await startServe([...FLAGS, '--state', file]);
      if (round > 0) expect(banner).toContain(`(${parseStateFile(file, readFileSync(file, 'utf8')).entryCount} logged changes restored)`);
      const url = urlOf(banner);
      const acknowledged: { id: number; at: number }[] = [];
      let stop = false;
      // Four writers send writes back to back until the kill.
      const writers = Array.from({ length: 4 }, async () => {
        while (!stop) {
          const w = writes[Math.floor(random.next() * writes.length)]!;
          const id = nextId++;
          try {
            const res = await fetch(`${url}/${w.api}${w.path}${w.rawQuery ? `?${w.rawQuery}` : ''}`, { method: 'POST', headers: { ...w.headers, 'x-write-id': String(id) }, body: w.bodyText, signal: AbortSignal.timeout(5000) });
            await res.arrayBuffer();
            if (res.status < 500) acknowledged.push({ id, at: performance.now() });
          } catch {
            return; // the server is gone
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 800 + Math.floor(random.next() * 1200)));
      child.kill('SIGKILL');
      const killedAt = performance.now();
      stop = true;
      await Promise.all(writers);
      await waitExit(child);

      // Parses as a whole snapshot (parseStateFile checks the entry count written last).
      const ids = writeIdsIn(file);
      expect(acknowledged.length).toBeGreaterThan(10);
      // An earlier or later snapshot: it extends the one before, in order.
      expect(ids.slice(0, previous.length)).toEqual(previous);
      // Durable within the debounce window: every write acknowledged 200 ms before the kill is in it (the
      // margin is for a loaded machine, where the server may wait for a core).
      const settled = acknowledged.filter((a) => killedAt - a.at > 1200).map((a) => a.id);
      expect(settled.filter((id) => !ids.includes(id))).toEqual([]);
      previous = ids;
    }

    // The last file restores in the CLI exactly as in-process: same state as a replay of a copy of it.
    const copy = join(dir, 'copy.json');
    copyFileSync(file, copy);
    const { child, banner } = await startServe([...FLAGS, '--state', file]);
    const served = (await (await fetch(`${urlOf(banner)}/__admin/state`)).json()) as { apis: unknown };
    // A write acknowledged just before SIGTERM is saved on exit, without waiting for the debounce.
    const w = writes[0]!;
    await (await fetch(`${urlOf(banner)}/${w.api}${w.path}${w.rawQuery ? `?${w.rawQuery}` : ''}`, { method: 'POST', headers: { ...w.headers, 'x-write-id': '999999' }, body: w.bodyText })).arrayBuffer();
    child.kill('SIGTERM');
    expect(await waitExit(child)).toBe(0);
    expect(writeIdsIn(file)).toContain(999999);
    // With the options serve recorded in the file (seed, APIs, limits, caps), as serve's flags set them.
    const recorded = parseStateFile(copy, readFileSync(copy, 'utf8')).options;
    const replayed = openDurableState(copy, { ...recorded, auth: false });
    expect(served.apis).toEqual(JSON.parse(JSON.stringify(replayed.admin.state().apis)));
    replayed.close();
  }, 120_000);

  it('refuses a corrupt or unreadable state file with one line and exit 2, instead of starting fresh', () => {
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"format":"jobs-kit-state","version":1,"entries":[{"kind":"requ');
    const result = runCli(['serve', ...FLAGS, '--state', corrupt]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('JOBSKIT_STATE_FILE');
    expect(readFileSync(corrupt, 'utf8')).toContain('"requ');

    const unreadable = runCli(['serve', ...FLAGS, '--state', dir]);
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toMatch(/JOBSKIT_STATE_FILE: state file .* cannot be read/);
  });
});
