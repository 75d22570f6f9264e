import { Agent, request as httpRequest } from 'node:http';

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Client-side wall time from send to last byte, ms. */
  ms: number;
}

export interface HttpCall {
  method: string;
  /** Full URL on a loopback origin. */
  url: string;
  headers?: Record<string, string>;
  body?: string;
  agent?: Agent;
  timeoutMs?: number;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** One HTTP request with a hard timeout; the bench only ever talks to loopback. */
export function call({ method, url, headers = {}, body, agent, timeoutMs = 10_000 }: HttpCall): Promise<HttpReply> {
  const target = new URL(url);
  if (!LOOPBACK_HOSTS.has(target.hostname)) return Promise.reject(new Error(`bench: refusing non-loopback URL ${url}`));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = httpRequest(
      target,
      {
        method,
        agent: agent ?? false,
        headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: out, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`bench: ${method} ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `url` until it answers 2xx (or what `accept` takes). Bounded by `deadlineMs` and by the
 * process exiting (`gone`). Returns the ms it took.
 */
export async function waitForOk(
  url: string,
  deadlineMs: number,
  options: { intervalMs?: number; gone?: Promise<unknown>; accept?: (status: number) => boolean } = {},
): Promise<number> {
  const accept = options.accept ?? ((status: number) => status >= 200 && status < 300);
  const started = performance.now();
  const interval = options.intervalMs ?? 5;
  let exited = false;
  void options.gone?.then(() => {
    exited = true;
  });
  for (let attempt = 0; attempt < 100_000; attempt++) {
    if (exited) throw new Error(`bench: process exited before ${url} answered`);
    const elapsed = performance.now() - started;
    if (elapsed > deadlineMs) throw new Error(`bench: ${url} did not answer 2xx within ${deadlineMs} ms`);
    try {
      const reply = await call({ method: 'GET', url, timeoutMs: Math.max(100, deadlineMs - elapsed) });
      if (accept(reply.status)) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(interval);
  }
  throw new Error(`bench: gave up polling ${url}`);
}
