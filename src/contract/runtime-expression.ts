import type { ReceivedResponse, SentRequest } from './contract-report.js';

/** What a link expression can read: the request that was sent and the response it got. */
export interface ExpressionSource {
  request: SentRequest;
  /** Path parameter values the request was built with. */
  requestPath: Record<string, unknown>;
  requestBody: unknown;
  response: ReceivedResponse;
}

/** Reads an RFC 6901 JSON pointer (`/data/_id`, `/items/0`). */
export function readJsonPointer(value: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return pointer === '' ? value : (value as Record<string, unknown> | undefined)?.[''];
  let node = value;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Evaluates an OpenAPI runtime expression (`$response.body#/id`, `$response.header.Location`,
 * `$request.path.jobId`, `$request.query.x`, `$request.body#/name`, `$statusCode`); anything not
 * starting with `$` is a constant. Returns `{ found: false }` when the expression names nothing.
 */
export function evaluateExpression(expression: unknown, source: ExpressionSource): { found: boolean; value?: unknown } {
  if (typeof expression !== 'string' || !expression.startsWith('$')) return { found: true, value: expression };
  const hit = (value: unknown) => (value === undefined ? { found: false } : { found: true, value });
  if (expression === '$statusCode') return hit(source.response.status);
  if (expression === '$url') return hit(source.request.url);
  if (expression === '$method') return hit(source.request.method);
  const body = /^\$(request|response)\.body(?:#(.*))?$/.exec(expression);
  if (body) return hit(readJsonPointer(body[1] === 'request' ? source.requestBody : source.response.body, decodeURIComponent(body[2] ?? '')));
  const header = /^\$(request|response)\.header\.(.+)$/.exec(expression);
  if (header) return hit((header[1] === 'request' ? source.request.headers : source.response.headers)[header[2]!.toLowerCase()]);
  const path = /^\$request\.path\.(.+)$/.exec(expression);
  if (path) return hit(source.requestPath[path[1]!]);
  const query = /^\$request\.query\.(.+)$/.exec(expression);
  if (query) return hit(new URL(source.request.url).searchParams.get(query[1]!) ?? undefined);
  return { found: false };
}

const EMBEDDED = /\{(\$[^{}]+)\}/g;

/**
 * Fills a link's `requestBody`: a string that is one whole expression is evaluated as above; inside
 * objects, arrays and longer strings, expressions count only when wrapped in braces
 * (`"id": "{$response.body#/data/id}"`), as OpenAPI allows for embedding them in strings. A string that
 * is exactly one braced expression takes the value's own type; otherwise values are joined as text.
 * Returns `{ found: false }` when any expression names nothing.
 */
export function evaluateTemplate(template: unknown, source: ExpressionSource): { found: boolean; value?: unknown } {
  if (typeof template === 'string' && template.startsWith('$')) return evaluateExpression(template, source);
  let missing = false;
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const whole = /^\{(\$[^{}]+)\}$/.exec(node);
      if (whole) {
        const hit = evaluateExpression(whole[1], source);
        if (!hit.found) missing = true;
        return hit.value;
      }
      return node.replace(EMBEDDED, (_, expression: string) => {
        const hit = evaluateExpression(expression, source);
        if (!hit.found) missing = true;
        return typeof hit.value === 'object' ? JSON.stringify(hit.value) : String(hit.value);
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (typeof node === 'object' && node !== null) return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value)]));
    return node;
  };
  const value = fill(template);
  return missing ? { found: false } : { found: true, value };
}

/**
 * A path parameter from a `Location` header (or any URL) is its last segment: `Location:
 * /v1/jobs/j123` fills `{jobId}` with `j123`. Only absolute paths and URLs are cut: other values pass
 * through whole, slashes included (an id such as `team/build-7` is percent-encoded when filled).
 */
export function asPathValue(value: unknown): unknown {
  if (typeof value !== 'string' || !(value.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(value))) return value;
  const segments = value.split('?')[0]!.split('/').filter(Boolean);
  return segments.length > 0 ? decodeURIComponent(segments[segments.length - 1]!) : value;
}
