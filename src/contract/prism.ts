import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JobsKitError } from '../core/kit-error.js';

/** Pinned: the version the Prism comparison in docs/contract.md was made with. */
export const PRISM_VERSION = '5.14.2';

export interface PrismOptions {
  mode: 'mock' | 'proxy';
  /** Path of the OpenAPI file Prism serves. */
  spec: string;
  port: number;
  host?: string;
  /** proxy mode: where Prism forwards requests (their path is appended to this URL's). */
  upstream?: string;
  /** 'inherit' forwards Prism's output to ours (the CLI); 'pipe' lets the caller read it (tests). */
  stdio?: 'inherit' | 'pipe';
}

export interface RunningPrism {
  child: ChildProcess;
  url: string;
  /** Everything Prism printed so far (pipe mode). */
  output(): string;
  stop(): Promise<void>;
}

/** `specs/` of the package: two levels above this file both in src/contract and in dist/contract. */
export function specPath(api: string): string {
  return fileURLToPath(new URL(`../../specs/${api}.openapi.yaml`, import.meta.url));
}

/** The prism-cli entry script, resolved like an import so it works from any working directory. */
export function prismBinary(): string {
  try {
    const pkg = createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json');
    return join(dirname(pkg), 'dist', 'index.js');
  } catch {
    throw new JobsKitError('JOBSKIT_USAGE', '@stoplight/prism-cli is not installed', `npm install --save-dev @stoplight/prism-cli@${PRISM_VERSION}`);
  }
}

export function prismArgs(options: PrismOptions): string[] {
  const args = [prismBinary(), options.mode, options.spec];
  if (options.mode === 'proxy') {
    if (!options.upstream) throw new JobsKitError('JOBSKIT_USAGE', 'prism proxy needs --upstream URL');
    args.push(options.upstream);
  }
  return [...args, '--port', String(options.port), '--host', options.host ?? '127.0.0.1'];
}

/** Spawns Prism on the same Node that runs jobs-kit (no shell, no PATH lookup). */
export function spawnPrism(options: PrismOptions): ChildProcess {
  if (!existsSync(options.spec)) throw new JobsKitError('JOBSKIT_SPEC_NOT_FOUND', `no spec at ${options.spec}`);
  return spawn(process.execPath, prismArgs(options), { stdio: options.stdio === 'pipe' ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
}

/**
 * Starts Prism and resolves once it says it is listening; rejects (one line) if it exits first or
 * does not come up within `timeoutMs`.
 */
export function startPrism(options: PrismOptions, timeoutMs = 30_000): Promise<RunningPrism> {
  const child = spawnPrism({ ...options, stdio: 'pipe' });
  let text = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new JobsKitError('JOBSKIT_CONNECTION', `prism ${options.mode} did not start within ${timeoutMs} ms: ${text.trim().split('\n').pop() ?? ''}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const listening = /Prism is listening on (\S+)/.exec(text);
      if (listening) {
        clearTimeout(timer);
        resolve({ child, url: listening[1]!.replace(/\/$/, ''), output: () => text, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new JobsKitError('JOBSKIT_USAGE', `prism ${options.mode} exited with code ${code}: ${text.trim().split('\n').pop() ?? ''}`));
    });
  });
}
