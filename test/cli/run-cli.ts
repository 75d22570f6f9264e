import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = `${ROOT}bin/jobs-kit.js`;

/** The CLI runs from dist/ (npm ci and npm test build it); building here would race other test files. */
export function ensureBuilt(): void {
  if (!existsSync(`${ROOT}dist/bundle/main.cjs`)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
}

/** The environment a CLI run gets: ours, NO_COLOR on unless the test says otherwise; `undefined` removes a variable. */
function envWith(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: envWith(env), timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

/**
 * Runs the CLI on a pseudo-terminal (util-linux `script`), so stdout and stderr are TTYs as in a
 * user's shell. Both streams arrive together in `output`; the exit status is the CLI's.
 */
export function runCliInTty(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT): { status: number | null; output: string } {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', env: envWith({ TERM: 'xterm-256color', ...env }), timeout: 60_000 });
  if (result.error) throw new Error(`util-linux \`script\` is needed for the terminal tests: ${result.error.message}`);
  return { status: result.status, output: result.stdout };
}

/** Starts `jobs-kit serve` and resolves once it has printed its banner. */
export function startServe(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd, env: envWith(env) });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}${err}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('admin')) {
        clearTimeout(timer);
        resolve({ child, banner: out });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${out}${err}`));
    });
  });
}

/** The exit code once the process has ended (null when a signal ended it), also when it ended before this call. */
export function waitExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}
