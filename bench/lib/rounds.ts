import { call } from './http.js';
import { cpuTimeMs, memoryOf } from './children.js';
import { driveFor, non2xx, runCell, type CellFigures } from './load.js';
import { prepare, requestFor } from './prepare.js';
import { describeFailure, type Recorder } from './recorder.js';
import { OPERATIONS, type OperationName } from './scenarios.js';
import type { ApiSetup } from './setup.js';
import type { Target, TargetKind } from './targets.js';
import type { RssFigures } from './verdicts.js';

export const cellKey = (api: string, op: OperationName, kind: TargetKind) => `${api} ${op} ${kind}`;

export interface RoundSettings {
  rounds: number;
  connections: number;
  warmupS: number;
  cellS: number;
}

/**
 * Every (api, operation, server) cell, `rounds` times. The server order rotates with the round and the
 * operation so drift spreads over all servers. Returns each cell's figures per round, by cellKey.
 */
export async function loadRounds(setups: readonly ApiSetup[], settings: RoundSettings, recorder: Recorder): Promise<Record<string, CellFigures[]>> {
  const raw: Record<string, CellFigures[]> = {};
  const dead = new Set<Target>();
  const dirty = new Set<Target>(setups.flatMap((s) => s.targets));
  const cell = { connections: settings.connections, warmupS: settings.warmupS, durationS: settings.cellS };
  for (let r = 0; r < settings.rounds; r++) {
    for (const s of setups) {
      for (const [o, op] of OPERATIONS.entries()) {
        const shift = (r + o) % s.targets.length;
        const order = [...s.targets.slice(shift), ...s.targets.slice(0, shift)];
        for (const target of order) {
          if (dead.has(target)) continue;
          const key = cellKey(s.api, op, target.kind);
          let figures: CellFigures;
          try {
            // Only a create changes state: the reads of a round share one prepared store.
            if (dirty.has(target)) await prepare(target, s.scenario, s.credential);
            dirty.delete(target);
            if (op === 'create') dirty.add(target);
            figures = await runCell(target.origin, requestFor(target, s.scenario, op, s.credential, s.listBody), { ...cell, cpuMs: () => cpuTimeMs(target.child.pid) });
          } catch (error) {
            // One server failing must not hide the others' figures: drop it from the remaining cells.
            dead.add(target);
            recorder.problems.push(`round ${r + 1} ${key}: ${describeFailure(error)}`);
            recorder.log(`FAILED ${key}: ${(error as Error).message.split('\n')[0]}`);
            continue;
          }
          (raw[key] ??= []).push(figures);
          if (non2xx(figures.statuses) + figures.errors > 0) {
            const what = `round ${r + 1} ${key}: ${non2xx(figures.statuses)} non-2xx, ${figures.errors} errors (${figures.timeouts} timeouts); statuses ${JSON.stringify(figures.statuses)}`;
            (target.kind === 'prism' ? recorder.warnings : recorder.problems).push(what);
          }
          recorder.log(
            `round ${r + 1}/${settings.rounds} ${key.padEnd(24)} ${String(Math.round(figures.rps)).padStart(6)} req/s  p50 ${figures.p50Ms.toFixed(2)} ms  p99 ${figures.p99Ms.toFixed(2)} ms  ${figures.cpuUsPerRequest ?? '?'} µs CPU/req`,
          );
        }
      }
    }
  }
  return raw;
}

/** Two equal phases of list load on a reset store: RSS must not keep growing (journal capped). */
export async function rssPhases(s: ApiSetup, connections: number, seconds: number): Promise<RssFigures> {
  const request = requestFor(s.jobsKit, s.scenario, 'list', s.credential, s.listBody);
  await prepare(s.jobsKit, s.scenario, s.credential);
  await driveFor(s.jobsKit.origin, request, connections, seconds);
  const afterLoadMiB = memoryOf(s.jobsKit.child.pid)?.rssMiB;
  await driveFor(s.jobsKit.origin, request, connections, seconds);
  const memory = memoryOf(s.jobsKit.child.pid);
  const state = await call({ method: 'GET', url: `${s.jobsKit.origin}/__admin/state?api=${s.api}` });
  const journal = state.status === 200 ? (JSON.parse(state.text) as { journal: RssFigures['journal'] }).journal : undefined;
  return { api: s.api, idleMiB: s.idleRssMiB, afterLoadMiB, afterMoreLoadMiB: memory?.rssMiB, peakMiB: memory?.peakMiB, journal };
}
