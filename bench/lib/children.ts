import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A process the bench started; every one is killed when the bench exits, however it exits. */
export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  /** The end of stdout + stderr so far, for error messages. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const running = new Set<Child>();
const died: string[] = [];

/** Children that exited on their own (not stopped by the bench) since the last call, with their last output. */
export function takeUnexpectedExits(): string[] {
  return died.splice(0, died.length);
}
const OUTPUT_CAP = 64 * 1024;

function killAll(signal: NodeJS.Signals): void {
  for (const child of running) {
    try {
      child.process.kill(signal);
    } catch {
      // already gone
    }
  }
}

let installed = false;
/** Kills every child on exit, on an uncaught error and on SIGINT/SIGTERM (then exits 130/143). */
export function installCleanup(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => killAll('SIGKILL'));
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping ${running.size} child process(es)\n`);
      killAll('SIGKILL');
      process.exit(code);
    });
  }
}

export function startChild(name: string, command: string, args: readonly string[], options: SpawnOptions = {}): Child {
  const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  if (proc.pid === undefined) throw new Error(`bench: could not start ${name} (${command})`);
  let output = '';
  // The last OUTPUT_CAP characters: summaries and errors come at the end.
  const keep = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 2 * OUTPUT_CAP) output = output.slice(-OUTPUT_CAP);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  let stopping = false;
  const exited = new Promise<number | null>((resolve) => {
    proc.once('exit', (code, signal) => {
      if (!stopping) died.push(`${name} exited by itself (code ${code}, signal ${signal}); its last output:\n${output.slice(-1500)}`);
      resolve(code);
    });
    proc.once('error', (error) => {
      keep(Buffer.from(String(error)));
      resolve(null);
    });
  });
  const child: Child = {
    name,
    process: proc,
    pid: proc.pid,
    output: () => output,
    exited,
    async stop() {
      stopping = true;
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 2000);
        await exited;
        clearTimeout(timer);
      }
      running.delete(child);
    },
  };
  running.add(child);
  void exited.then(() => running.delete(child));
  return child;
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop()));
}

/** A free loopback port (bound and released; the child binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resident set size and its peak, in MiB, from /proc (Linux); undefined elsewhere. */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const rss = kb('VmRSS');
    const peak = kb('VmHWM');
    if (!Number.isFinite(rss)) return undefined;
    return { rssMiB: rss / 1024, peakMiB: peak / 1024 };
  } catch {
    return undefined;
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system, all threads) the process has used, in ms; undefined off Linux. */
export function cpuTimeMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}
