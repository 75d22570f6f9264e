import type { LoadRequest } from './load.js';
import { call, type HttpReply } from './http.js';
import { LIST_SIZE, OPERATIONS, type OperationName, type Scenario } from './scenarios.js';
import type { Target } from './targets.js';

/** A captured answer: what jobs-kit sent, replayed by the bare server. */
export interface CapturedRoute {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

// Headers a server sets itself per connection/response; the bare server must not copy them.
const CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export function requestFor(target: Target, scenario: Scenario, operation: OperationName, credential: Record<string, string>, listBody: unknown): LoadRequest {
  if (operation === 'list') return { method: 'GET', path: target.prefix + scenario.list, headers: credential };
  if (operation === 'get') return { method: 'GET', path: target.prefix + scenario.get(listBody), headers: credential };
  return {
    method: 'POST',
    path: target.prefix + scenario.create.path,
    headers: { ...credential, 'content-type': scenario.create.contentType },
    body: scenario.create.body,
  };
}

async function send(target: Target, request: LoadRequest, n: number): Promise<HttpReply> {
  return call({ method: request.method, url: target.origin + request.path, headers: request.headers, body: request.body?.(n) });
}

function json(reply: HttpReply, what: string): unknown {
  try {
    return JSON.parse(reply.text);
  } catch {
    throw new Error(`bench: ${what} answered ${reply.status} with a body that is not JSON: ${reply.text.slice(0, 200)}`);
  }
}

/**
 * Puts a stateful target into the bench state: seeded state back, then creates (with fixed
 * numbers, so every server ends up with the same records) until the list page holds 20 jobs.
 */
export async function prepare(target: Target, scenario: Scenario, credential: Record<string, string>): Promise<void> {
  await target.reset();
  if (target.kind !== 'jobs-kit' && target.kind !== 'msw') return;
  const list = requestFor(target, scenario, 'list', credential, undefined);
  const create = requestFor(target, scenario, 'create', credential, undefined);
  for (let i = 1; i <= LIST_SIZE; i++) {
    const reply = await send(target, list, 0);
    if (reply.status !== 200) throw new Error(`bench: ${target.kind} ${target.api} list answered ${reply.status}: ${reply.text.slice(0, 300)}`);
    if (scenario.countItems(json(reply, 'list')) >= LIST_SIZE) return;
    const created = await send(target, create, i);
    if (created.status < 200 || created.status > 299) throw new Error(`bench: ${target.kind} ${target.api} create answered ${created.status}: ${created.text.slice(0, 300)}`);
  }
  throw new Error(`bench: ${target.kind} ${target.api}: the list did not reach ${LIST_SIZE} jobs`);
}

export interface Capture {
  listBody: unknown;
  routes: CapturedRoute[];
  /** Body bytes per operation, to show the servers send the same amount. */
  bytes: Record<OperationName, number>;
}

/** One call of each operation: the bodies for the bare server, and a check that the target answers 2xx. */
export async function capture(target: Target, scenario: Scenario, credential: Record<string, string>, listBody?: unknown): Promise<Capture> {
  const routes: CapturedRoute[] = [];
  const bytes = { list: 0, get: 0, create: 0 } as Record<OperationName, number>;
  let list = listBody;
  for (const operation of OPERATIONS) {
    const request = requestFor(target, scenario, operation, credential, list);
    const reply = await send(target, request, 0);
    const label = `${target.kind} ${target.api} ${operation} (${request.method} ${request.path})`;
    if (reply.status < 200 || reply.status > 299) throw new Error(`bench: ${label} answered ${reply.status}: ${reply.text.slice(0, 300)}`);
    const body = reply.text === '' ? undefined : json(reply, label);
    if (operation === 'list' && list === undefined) list = body;
    bytes[operation] = Buffer.byteLength(reply.text);
    const headers = Object.fromEntries(Object.entries(reply.headers).filter(([name]) => !CONNECTION_HEADERS.has(name)));
    const q = request.path.indexOf('?');
    routes.push({ method: request.method, path: q === -1 ? request.path : request.path.slice(0, q), status: reply.status, headers, body });
  }
  return { listBody: list, routes, bytes };
}
