import { join } from 'node:path';
import type { ApiName } from '../../src/core/api-module.js';
import { freePort, startChild, type Child } from './children.js';
import { call, waitForOk } from './http.js';
import { REPO } from './paths.js';

export type TargetKind = 'jobs-kit' | 'bare' | 'prism' | 'msw';
export const TARGET_KINDS: readonly TargetKind[] = ['jobs-kit', 'bare', 'prism', 'msw'];

/** A running server under test. */
export interface Target {
  kind: TargetKind;
  api: ApiName;
  origin: string;
  /** What goes before the API's own paths on this server (mount + base path; Prism serves at the root). */
  prefix: string;
  child: Child;
  /** Puts seeded state back (servers with state); a no-op for stateless ones. */
  reset(): Promise<void>;
}

const JOBS_KIT_BIN = join(REPO, 'bin', 'jobs-kit.js');
const TSX = ['--import', 'tsx'];

async function ready(child: Child, url: string, deadlineMs: number, accept?: (status: number) => boolean): Promise<void> {
  try {
    await waitForOk(url, deadlineMs, { gone: child.exited, accept });
  } catch (error) {
    await child.stop();
    throw new Error(`${(error as Error).message}\n--- ${child.name} output ---\n${child.output().slice(-2000)}`);
  }
}

function adminReset(origin: string): () => Promise<void> {
  return async () => {
    const reply = await call({ method: 'POST', url: `${origin}/__admin/reset` });
    if (reply.status !== 200) throw new Error(`bench: POST ${origin}/__admin/reset answered ${reply.status}: ${reply.text.slice(0, 200)}`);
  };
}

/** `jobs-kit serve --api <api>` exactly as a user starts it (auth, validation, state and journal on). */
export async function startJobsKit(api: ApiName, basePath: string): Promise<Target> {
  const port = await freePort();
  const child = startChild(`jobs-kit serve --api ${api}`, process.execPath, [JOBS_KIT_BIN, 'serve', '--api', api, '--port', String(port), '--clock', 'manual'], { cwd: REPO });
  const origin = `http://127.0.0.1:${port}`;
  await ready(child, `${origin}/__admin/health`, 30_000);
  return { kind: 'jobs-kit', api, origin, prefix: basePath, child, reset: adminReset(origin) };
}

/** Bare node:http answering the captured routes (see servers/bare-server.ts). */
export async function startBare(api: ApiName, basePath: string, routesFile: string): Promise<Target> {
  const port = await freePort();
  const child = startChild(`bare node:http (${api})`, process.execPath, [...TSX, join(REPO, 'bench', 'servers', 'bare-server.ts'), String(port), routesFile], { cwd: REPO });
  const origin = `http://127.0.0.1:${port}`;
  await ready(child, `${origin}/__admin/health`, 30_000);
  return { kind: 'bare', api, origin, prefix: basePath, child, reset: async () => {} };
}

/** The engine's MSW handlers behind a node:http → Fetch → getResponse adapter (see servers/msw-adapter.ts). */
export async function startMswAdapter(api: ApiName, basePath: string): Promise<Target> {
  const port = await freePort();
  const child = startChild(`msw adapter (${api})`, process.execPath, [...TSX, join(REPO, 'bench', 'servers', 'msw-adapter.ts'), String(port), api], { cwd: REPO });
  const origin = `http://127.0.0.1:${port}`;
  await ready(child, `${origin}/__admin/health`, 30_000);
  return { kind: 'msw', api, origin, prefix: `/${api}${basePath}`, child, reset: adminReset(origin) };
}

/**
 * `prism mock` on the same spec, static examples. Logging at `error` so the terminal does not
 * throttle it (per-request info logging costs Prism throughput; this favours Prism).
 */
export async function startPrism(api: ApiName): Promise<Target> {
  const port = await freePort();
  const child = startChild(`prism mock (${api})`, join(REPO, 'node_modules', '.bin', 'prism'), ['mock', join(REPO, 'specs', `${api}.openapi.yaml`), '--host', '127.0.0.1', '--port', String(port), '--verboseLevel', 'error'], { cwd: REPO });
  const origin = `http://127.0.0.1:${port}`;
  // Prism has no health endpoint: any HTTP answer (its 404 for an unknown path) means it is listening.
  await ready(child, `${origin}/__bench_ready`, 60_000, (status) => status > 0);
  return { kind: 'prism', api, origin, prefix: '', child, reset: async () => {} };
}
