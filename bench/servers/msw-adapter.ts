/**
 * What a user gets by wrapping MSW handlers in a server: node:http → Fetch Request → MSW getResponse
 * → Fetch Response → node:http, over jobs-kit's own MSW handlers (the same engine as `serve`).
 * Usage: node --import tsx bench/servers/msw-adapter.ts <port> <api>
 */
import { createServer, type IncomingMessage } from 'node:http';
import { getResponse } from 'msw';
import type { ApiName } from '../../src/core/api-module.js';
import type * as MswHandlers from '../../src/doors/msw-handlers.js';

// The compiled engine from dist/, the same code `serve` runs (the bench builds dist first).
const { createMockHandlers } = (await import(new URL('../../dist/doors/msw-handlers.js', import.meta.url).href)) as typeof MswHandlers;

const [portArg, api] = process.argv.slice(2);
if (!portArg || !api) throw new Error('usage: msw-adapter.ts <port> <api>');
const origin = `http://127.0.0.1:${portArg}`;
// The same engine settings as `serve --api <api> --clock manual`: auth on, validation on, journal on.
const { handlers } = createMockHandlers({ apis: [api as ApiName], clock: 'manual', seed: 1, baseUrl: origin });

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
  void (async () => {
    const method = req.method ?? 'GET';
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
    const request = new Request(`${origin}${req.url ?? '/'}`, { method, headers: headersOf(req), body: body === undefined ? undefined : new Uint8Array(body) });
    const response = await getResponse(handlers, request);
    if (!response) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"no handler"}');
      return;
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, headers).end(bytes);
  })().catch((error: unknown) => {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: String(error) }));
  });
});
server.listen(Number(portArg), '127.0.0.1', () => process.stdout.write(`msw adapter on ${origin}\n`));
