import type { ApiName } from '../core/api-module.js';
import type { MockResponse } from '../core/http.js';
import { toMockResponse } from '../respond/to-mock-response.js';
import { AdminNotFoundError, isAdminInputError, type AdminApi } from './admin-api.js';
import { ADMIN_PAGE_HTML } from './page/admin-page.js';

export const ADMIN_PREFIX = '/__admin';

export interface AdminRequest {
  method: string;
  /** Path after `/__admin` (`/clock/advance`). */
  path: string;
  rawQuery: string;
  bodyText: string | undefined;
}

const json = (status: number, body: unknown): MockResponse => toMockResponse({ status, body }, 'application/json');
const fail = (status: number, message: string): MockResponse => json(status, { error: { status, message } });

function parseBody(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`admin request body is not valid JSON: ${(error as Error).message}`);
  }
}

type Route = (admin: AdminApi, body: () => unknown, query: URLSearchParams) => unknown;

const ROUTES: Record<string, Route> = {
  'GET /health': (a) => a.health(),
  'POST /reset': (a) => a.reset(),
  'GET /clock': (a) => a.clock(),
  'POST /clock/advance': (a, body) => a.advance((body() as { ms?: unknown }).ms as number),
  'GET /state': (a, _b, q) => a.state((q.get('api') ?? undefined) as ApiName | undefined),
  'POST /seed': (a, body) => {
    const b = body() as { api?: unknown; data?: unknown };
    return a.seed(b.api as ApiName, b.data);
  },
  'GET /requests': (a, _b, q) => {
    const num = (name: string) => (q.has(name) ? Number(q.get(name)) : undefined);
    return { requests: a.requests({ since: num('since'), api: q.get('api') ?? undefined, limit: num('limit') }) };
  },
  'DELETE /requests': (a) => a.clearRequests(),
  'GET /settings': (a) => a.settings(),
  'PATCH /settings': (a, body) => a.updateSettings(body() as never),
  'GET /jobs': (a, _b, q) => {
    const limit = q.has('limit') ? Number(q.get('limit')) : undefined;
    return a.jobs(q.get('api') as ApiName, { status: q.get('status') ?? undefined, q: q.get('q') ?? undefined, limit });
  },
  'GET /stats': (a) => a.stats(),
};

/** `/jobs/<api>/<id>`: the one admin path with parameters (ids are URL-encoded; iot's hold a `/`). */
const JOB_PATH = /^\/jobs\/([^/]+)\/(.+)$/;

/** The admin page: one self-contained HTML document (styles and script inline), so no asset paths to resolve. */
const page = (): MockResponse => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body: undefined,
  bodyText: ADMIN_PAGE_HTML,
});

function jobRoute(api: string, id: string): Route {
  return (a) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(id);
    } catch {
      throw new SyntaxError(`job id ${JSON.stringify(id)} is not validly URL-encoded`);
    }
    return a.job(api as ApiName, decoded);
  };
}

/** The admin HTTP API over the admin functions; bad input is a 400 with a message, never a crash. */
export function handleAdminRequest(admin: AdminApi, request: AdminRequest): MockResponse {
  const path = request.path.replace(/\/+$/, '') || '/';
  const method = request.method.toUpperCase();
  if (path === '/' && (method === 'GET' || method === 'HEAD')) return page();
  const jobPath = JOB_PATH.exec(path);
  if (jobPath && method !== 'GET') return fail(405, `${request.method} is not allowed on ${ADMIN_PREFIX}${path}; use GET`);
  const route = jobPath ? jobRoute(jobPath[1]!, jobPath[2]!) : ROUTES[`${method} ${path}`];
  if (!route) {
    const known = Object.keys(ROUTES).filter((k) => k.endsWith(` ${path}`));
    if (known.length > 0) return fail(405, `${request.method} is not allowed on ${ADMIN_PREFIX}${path}; use ${known.map((k) => k.split(' ')[0]).join(', ')}`);
    return fail(404, `no admin endpoint ${ADMIN_PREFIX}${path}; see ${ADMIN_PREFIX}/ (the page), /health, /reset, /clock, /clock/advance, /state, /seed, /requests, /settings, /jobs, /jobs/<api>/<id>, /stats`);
  }
  try {
    return json(200, route(admin, () => parseBody(request.bodyText), new URLSearchParams(request.rawQuery)));
  } catch (error) {
    if (error instanceof SyntaxError || isAdminInputError(error)) return fail(400, (error as Error).message);
    if (error instanceof AdminNotFoundError) return fail(404, error.message);
    return fail(500, `admin request failed: ${(error as Error).message}`);
  }
}
