import type { OperationSpec } from '../spec/spec-index.js';
import { buildRequest, SUCCESS } from './build-request.js';
import type { Exchange } from './contract-report.js';
import { is2xx, type RunContext } from './run-context.js';
import { readJsonPointer } from './runtime-expression.js';
import type { PagingExtension } from './spec-extensions.js';

/** Past this many pages a list is taken not to end. */
export const MAX_PAGES = 200;

export interface PagingResult {
  ids: unknown[];
  pages: number;
  /** What went wrong, in words; empty when paging behaved. */
  problems: string[];
  /** The exchange to show in a report (the one with the first problem, else the last page). */
  exchange: Exchange | undefined;
}

export interface FixedParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
}

function pagingKeys(paging: PagingExtension): string[] {
  return [paging.limitParam, paging.tokenParam, paging.offsetParam, paging.pageParam].filter((k): k is string => k !== undefined);
}

/**
 * Sends one page. Optional query parameters that the caller did not fix are left out, so example
 * filters (a status, a sort) cannot hide records; the paging keys go into their own parameters or
 * into `jsonParam`.
 */
async function fetchPage(ctx: RunContext, operation: OperationSpec, paging: PagingExtension, fixed: FixedParams, keys: Record<string, unknown>): Promise<Exchange | string> {
  const built = buildRequest(ctx.document, operation, SUCCESS, ctx.credentials, { path: fixed.path });
  if (!built.ok) return built.reason;
  const reserved = new Set(paging.jsonParam ? [paging.jsonParam] : pagingKeys(paging));
  const required = new Set(operation.parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name));
  const query = built.request.query.filter(([name]) => required.has(name) && !reserved.has(name) && !(name in (fixed.query ?? {})));
  for (const [name, value] of Object.entries(fixed.query ?? {})) query.push([name, typeof value === 'object' ? JSON.stringify(value) : String(value)]);
  if (paging.jsonParam) query.push([paging.jsonParam, JSON.stringify(keys)]);
  else for (const [name, value] of Object.entries(keys)) query.push([name, String(value)]);
  return ctx.client.send({ ...built.request, query });
}

function itemsOf(paging: PagingExtension, exchange: Exchange): unknown[] | string {
  const res = exchange.response;
  if (!res) return exchange.error ?? 'no response';
  if (!is2xx(res.status)) return `answered ${res.status}`;
  const items = readJsonPointer(res.body, paging.items);
  return Array.isArray(items) ? items : `has no array at ${paging.items}`;
}

/** Pages to the end with a small page size, checking each id comes once and the paging stops. */
export async function pageThrough(ctx: RunContext, operation: OperationSpec, paging: PagingExtension, fixed: FixedParams = {}, limit = paging.limit): Promise<PagingResult> {
  const result: PagingResult = { ids: [], pages: 0, problems: [], exchange: undefined };
  const seen = new Set<string>();
  const tokens = new Set<string>();
  let cursor: Record<string, unknown> =
    paging.style === 'offset' ? { [paging.offsetParam!]: 0 } : paging.style === 'page' ? { [paging.pageParam!]: paging.firstPage ?? 1 } : {};
  for (let page = 1; page <= MAX_PAGES; page++) {
    const sent = await fetchPage(ctx, operation, paging, fixed, { [paging.limitParam]: limit, ...cursor });
    if (typeof sent === 'string') return { ...result, problems: [sent] };
    result.exchange = sent;
    result.pages = page;
    const items = itemsOf(paging, sent);
    if (typeof items === 'string') return { ...result, problems: [`page ${page} ${items}`] };
    if (items.length > limit) result.problems.push(`page ${page} has ${items.length} items, more than the limit ${limit}`);
    for (const item of items) {
      const id = readJsonPointer(item, paging.id);
      const key = JSON.stringify(id);
      if (id === undefined) result.problems.push(`page ${page} has an item without an id at ${paging.id}`);
      else if (seen.has(key)) result.problems.push(`id ${key} appears again on page ${page}`);
      seen.add(key);
      result.ids.push(id);
    }
    if (result.problems.length > 0) return result;
    if (paging.style === 'token') {
      const token = readJsonPointer(sent.response!.body, paging.tokenPointer!);
      if (token === undefined || token === null || token === '') return result;
      if (tokens.has(String(token))) return { ...result, problems: [`page ${page} hands back a token already used: paging would loop`] };
      tokens.add(String(token));
      cursor = { [paging.tokenParam!]: token };
    } else {
      if (items.length < limit) return result;
      cursor =
        paging.style === 'offset'
          ? { [paging.offsetParam!]: Number(cursor[paging.offsetParam!]) + items.length }
          : { [paging.pageParam!]: Number(cursor[paging.pageParam!]) + 1 };
    }
  }
  result.problems.push(`paging did not end after ${MAX_PAGES} pages`);
  return result;
}

/**
 * The paging check: pages end and hold each id once; when `maxLimit` is given and one page of that
 * size holds the whole list, the pages together must hold exactly its ids (nothing skipped).
 */
export async function runPagingCheck(ctx: RunContext, operation: OperationSpec, paging: PagingExtension): Promise<void> {
  const base = { id: `paging:${operation.operationId}`, kind: 'paging' as const, operationId: operation.operationId };
  const result = await pageThrough(ctx, operation, paging);
  const problems = [...result.problems];
  if (problems.length === 0 && paging.maxLimit !== undefined) {
    const reference = await pageThrough(ctx, operation, paging, {}, paging.maxLimit);
    if (reference.problems.length === 0 && reference.pages === 1) {
      const paged = new Set(result.ids.map((id) => JSON.stringify(id)));
      const missing = reference.ids.filter((id) => !paged.has(JSON.stringify(id)));
      if (missing.length > 0) problems.push(`paging skipped ${missing.length} of ${reference.ids.length} items (e.g. ${JSON.stringify(missing[0])})`);
      else if (paged.size !== reference.ids.length) problems.push(`paging returned ${paged.size} items, one page of ${paging.maxLimit} returned ${reference.ids.length}`);
    }
  }
  const where = result.exchange ? { request: result.exchange.request, ...(result.exchange.response ? { response: result.exchange.response } : {}) } : {};
  ctx.checks.push({
    ...base,
    ...where,
    outcome: problems.length === 0 ? 'pass' : 'fail',
    message: problems.length === 0 ? `${result.ids.length} items in ${result.pages} pages of ${paging.limit}, each once` : problems.join('; '),
    diagnostics: [],
  });
}
