import { Agent } from 'node:http';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { call } from './http.js';
import { Samples, percentile, round } from './stats.js';

/** One HTTP call the load generator repeats; `body(n)` makes the n-th request's body (unique ids for creates). */
export interface LoadRequest {
  method: string;
  /** Path + query on the target. */
  path: string;
  headers: Record<string, string>;
  body?: (n: number) => string;
}

export interface LoadSettings {
  connections: number;
  warmupS: number;
  durationS: number;
  /** The server's CPU time so far (ms), to get CPU per request: a figure that other load on the machine disturbs less than req/s. */
  cpuMs?: () => number | undefined;
}

export interface CellFigures {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Response count by status code (all responses, not only 2xx). */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Server CPU (user + system) per response, µs; and the share of one core it used. */
  cpuUsPerRequest: number | undefined;
  cpuCores: number | undefined;
  /** Share of a core the load generator (this process) used: near 1.0 means the client, not the server, set the pace. */
  clientCores: number;
}

// Load-generated creates are numbered from here; set-up creates (list top-ups) use small numbers.
let bodyCounter = 1_000_000;

function toAutocannonRequest(request: LoadRequest): AutocannonRequest {
  const base: AutocannonRequest = { method: request.method, path: request.path, headers: request.headers };
  const make = request.body;
  if (!make) return base;
  return {
    ...base,
    body: make(bodyCounter++),
    // Rebuilt per request, so every create carries fresh ids (no 409s from repeated client tokens).
    setupRequest: (r) => ({ ...r, body: make(bodyCounter++) }),
  };
}

function drive(origin: string, request: LoadRequest, connections: number, durationS: number, samples?: Samples, statuses?: Record<string, number>) {
  const instance = autocannon({
    url: origin,
    connections,
    duration: durationS,
    timeout: 10,
    requests: [toAutocannonRequest(request)],
  });
  if (samples && statuses) {
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      samples.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  }
  return instance;
}

/**
 * Traffic without measurement (warm-up, RSS phases): `connections` keep-alive loops until the deadline.
 * autocannon ends every run on its 1 s sampling tick, so short phases through it would cost whole seconds.
 * Returns the count of responses by status.
 */
export async function driveFor(origin: string, request: LoadRequest, connections: number, seconds: number): Promise<Record<string, number>> {
  const deadline = performance.now() + seconds * 1000;
  return loops(origin, request, connections, () => performance.now() < deadline);
}

/** Exactly `amount` requests over `connections` keep-alive loops (filling a store through the API). */
export async function driveAmount(origin: string, request: LoadRequest, connections: number, amount: number): Promise<Record<string, number>> {
  let sent = 0;
  return loops(origin, request, connections, () => sent++ < amount);
}

async function loops(origin: string, request: LoadRequest, connections: number, more: () => boolean): Promise<Record<string, number>> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const statuses: Record<string, number> = {};
  const loop = async () => {
    for (let i = 0; i < 10_000_000 && more(); i++) {
      const reply = await call({ method: request.method, url: origin + request.path, headers: request.headers, body: request.body?.(bodyCounter++), agent });
      statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, loop));
  } finally {
    agent.destroy();
  }
  return statuses;
}

/**
 * One measured cell: a warm-up run that is thrown away, then `durationS` of load at `connections`.
 * Latencies are kept per response at full (sub-millisecond) precision; autocannon's own histogram
 * rounds to whole milliseconds, too coarse for a 2 ms target.
 */
export async function runCell(origin: string, request: LoadRequest, settings: LoadSettings): Promise<CellFigures> {
  if (settings.warmupS > 0) await driveFor(origin, request, settings.connections, settings.warmupS);
  const samples = new Samples();
  const statuses: Record<string, number> = {};
  const cpuBefore = settings.cpuMs?.();
  const clientBefore = process.cpuUsage();
  const result = await drive(origin, request, settings.connections, settings.durationS, samples, statuses);
  const cpuAfter = settings.cpuMs?.();
  const client = process.cpuUsage(clientBefore);
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  const sorted = samples.sorted();
  const seconds = result.duration > 0 ? result.duration : settings.durationS;
  return {
    requests: samples.count,
    seconds,
    rps: round(samples.count / seconds, 1),
    p50Ms: round(percentile(sorted, 50)),
    p90Ms: round(percentile(sorted, 90)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.length > 0 ? sorted[sorted.length - 1]! : NaN),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuUsPerRequest: cpu === undefined || samples.count === 0 ? undefined : round((cpu * 1000) / samples.count, 1),
    cpuCores: cpu === undefined ? undefined : round(cpu / (seconds * 1000), 2),
    clientCores: round((client.user + client.system) / 1000 / (seconds * 1000), 2),
  };
}

export function non2xx(statuses: Record<string, number>): number {
  return Object.entries(statuses).reduce((sum, [code, n]) => (code.startsWith('2') ? sum : sum + n), 0);
}
