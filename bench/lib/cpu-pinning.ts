import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

/**
 * During the load cells, the server under test and the load generator (autocannon, in the bench
 * process) each get a core of their own with taskset (util-linux): left to the scheduler, the two share
 * both cores and a server's GC threads compete with autocannon differently from run to run, which on
 * a 2-core machine moved one server's req/s by up to 2x between rounds. Every server gets the same
 * core, so ratios compare the same resources. Off with `--no-pin`, or where taskset or a second core is
 * missing (then the table says so).
 */
export interface Pinning {
  /** Core for the bench process (autocannon). */
  load: number;
  /** Core for every server process, with all its threads. */
  servers: number;
}

export function availablePinning(disabled: boolean): { pinning: Pinning | undefined; reason: string } {
  if (disabled) return { pinning: undefined, reason: 'off (--no-pin)' };
  if (cpus().length < 2) return { pinning: undefined, reason: 'off (one core)' };
  const probe = spawnSync('taskset', ['-p', String(process.pid)], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { pinning: undefined, reason: 'off (no taskset)' };
  return { pinning: { load: 0, servers: 1 }, reason: 'load generator on core 0, servers on core 1' };
}

/** Sets the affinity of every thread of `pid` to `cores` (a taskset list such as "1" or "0-1"). */
export function pin(pid: number, cores: string): void {
  const result = spawnSync('taskset', ['-a', '-pc', cores, String(pid)], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(`bench: taskset could not pin ${pid} to ${cores}: ${result.stderr || result.error?.message}`);
}

export function allCores(): string {
  return `0-${cpus().length - 1}`;
}
