import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createAdminApi, type AdminApi } from '../admin/admin-api.js';
import type { MockRequest, MockResponse } from '../core/http.js';
import { JobsKitError } from '../core/kit-error.js';
import { createEngine } from '../engine/create-engine.js';
import type { Engine } from '../engine/engine.js';
import { DEFAULT_MAX_BODY_BYTES, type EngineOptions } from '../engine/engine-options.js';
import { answerClientError, kitAnswer, shuttingDownAnswer } from './door-answers.js';
import { dispatch, type DoorOptions } from './resolve-request.js';

export interface MockServerOptions extends EngineOptions, DoorOptions {
  engine?: Engine;
  /** The admin API to serve (default: one over `engine`); durable state passes its recording one. */
  adminApi?: AdminApi;
  /** Close connections idle between requests for this long (ms, default 5000). */
  keepAliveTimeout?: number;
  /** Give up on a request whose headers and body have not all arrived in this time (ms, default 30000): 408. */
  requestTimeout?: number;
  /** Give up on a request whose headers have not arrived in this time (ms, default min(10000, requestTimeout)): 408. */
  headersTimeout?: number;
  /** How often the timeouts above are checked (ms, default 1000; node's own default is 30 s). */
  connectionsCheckingInterval?: number;
  /** Largest accepted request head (request line + headers) in bytes (default 16384): 431 past it. */
  maxHeaderSize?: number;
  /** How long close() lets in-flight requests finish before cutting the remaining connections (ms, default 5000). */
  shutdownTimeout?: number;
}

export interface MockServer {
  engine: Engine;
  admin: AdminApi;
  server: Server;
  listen(port: number, host?: string): Promise<{ port: number; host: string; url: string }>;
  /** Stops accepting, finishes in-flight requests, answers 503 to requests that still arrive, then resolves. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const NO_BODY = { text: undefined, bytes: 0 } as const;

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    out[name] = out[name] === undefined ? raw[i + 1]! : `${out[name]}, ${raw[i + 1]}`;
  }
  return out;
}

type RequestBody = { text: string | undefined; bytes: number };

/**
 * Reads the body as text, dropping it past the limit (the engine then answers 413 in the API's shape).
 * Callbacks, not a promise: a create is answered in the tick its body ends in. A body that came in one
 * chunk (any small JSON body) is decoded straight from it, without Buffer.concat's copy. `failed` gets a
 * stream error, or whatever `done` throws.
 */
function readBody(req: IncomingMessage, limit: number, done: (body: RequestBody) => void, failed: (error: unknown) => void): void {
  let first: Buffer | undefined;
  let more: Buffer[] | undefined;
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) return;
    if (first === undefined) first = chunk;
    else (more ??= [first]).push(chunk);
  });
  req.on('end', () => {
    const text = size === 0 || size > limit ? undefined : more ? Buffer.concat(more).toString('utf8') : first!.toString('utf8');
    try {
      done({ text, bytes: size });
    } catch (error) {
      failed(error);
    }
  });
  req.on('error', failed);
}

const ADMIN_LOCAL_ONLY = kitAnswer(403, 'the admin API only answers localhost; start serve with --admin-token to allow remote admin');

/** The HTTP door: node:http straight to plain requests, no Fetch objects on the hot path. */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  const engine = options.engine ?? createEngine(options);
  const admin = options.adminApi ?? createAdminApi(engine);
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const mount = options.mount ?? 'prefixed';
  // Built once per server (and again only when listen() turns admin off), not per request.
  let door: DoorOptions = { mount, admin: options.admin !== false, adminToken: options.adminToken };
  let closing = false;

  const send = (req: IncomingMessage, res: ServerResponse, response: MockResponse) => {
    if (closing) res.setHeader('connection', 'close');
    // writeHead fixes the head at once: without a length Node would send every body chunked (one more
    // write per response). 204 and 304 must not carry one (RFC 9110 §8.6).
    const { headers } = response;
    if (response.status !== 204 && response.status !== 304 && headers['content-length'] === undefined) headers['content-length'] = String(Buffer.byteLength(response.bodyText ?? ''));
    res.writeHead(response.status, headers);
    res.end(req.method === 'HEAD' ? undefined : response.bodyText);
  };

  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    options.onError?.('http door failed', error);
    if (!res.headersSent) send(req, res, kitAnswer(500, 'jobs-kit server error (logged)'));
    else res.end();
  };

  /** Everything after the body has arrived; synchronous unless latency applies (engine.handleNow). */
  const answer = (req: IncomingMessage, res: ServerResponse, method: string, path: string, rawQuery: string, body: RequestBody) => {
    const request: MockRequest = { method, path, rawQuery, headers: headersOf(req), bodyText: body.text, bodyBytes: body.bytes };
    const isAdminPath = path === '/__admin' || path.startsWith('/__admin/');
    // Without a token the admin API answers loopback clients only, whatever interface we listen on.
    if (isAdminPath && door.admin && door.adminToken === undefined && !LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      send(req, res, ADMIN_LOCAL_ONLY);
      return;
    }
    const host = request.headers['host'];
    const response = dispatch(engine, admin, request, door, host ? `http://${host}` : undefined);
    if (response instanceof Promise) response.then((r) => send(req, res, r), (error: unknown) => fail(req, res, error));
    else send(req, res, response);
  };

  // Not async: a GET is answered in the tick it arrived in, with no promise per request (the hot path).
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    try {
      const rawUrl = req.url ?? '/';
      const q = rawUrl.indexOf('?');
      const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
      if (closing) {
        // A request on a kept-alive socket after close() began: refuse it in the API's shape and drop the socket.
        req.resume();
        send(req, res, shuttingDownAnswer(engine, path, mount));
        return;
      }
      const method = req.method === undefined ? 'GET' : req.method;
      const rawQuery = q === -1 ? '' : rawUrl.slice(q + 1);
      if (method === 'GET' || method === 'HEAD') answer(req, res, method, path, rawQuery, NO_BODY);
      else readBody(req, limit, (body) => answer(req, res, method, path, rawQuery, body), (error) => fail(req, res, error));
    } catch (error) {
      fail(req, res, error);
    }
  };

  const requestTimeout = options.requestTimeout ?? 30_000;
  const server = createServer(
    {
      keepAliveTimeout: options.keepAliveTimeout ?? 5000,
      requestTimeout,
      headersTimeout: options.headersTimeout ?? Math.min(10_000, requestTimeout),
      connectionsCheckingInterval: options.connectionsCheckingInterval ?? 1000,
      maxHeaderSize: options.maxHeaderSize ?? 16_384,
    },
    onRequest,
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => answerClientError(error, socket));

  return {
    engine,
    admin,
    server,
    listen(port, host = '127.0.0.1') {
      if (!LOOPBACK.has(host) && host !== 'localhost' && options.adminToken === undefined) door = { ...door, admin: false };
      return new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
          server.off('listening', onListening);
          if (error.code === 'EADDRINUSE') reject(new JobsKitError('JOBSKIT_PORT_IN_USE', `port ${port} on ${host} is already in use`, 'pick another with --port, or stop the other server'));
          else reject(new JobsKitError('JOBSKIT_USAGE', `cannot listen on ${host}:${port}: ${error.message}`));
        };
        const onListening = () => {
          server.off('error', onError);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ port: address.port, host: address.address, url: `http://${shownHost}:${address.port}` });
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(port, host);
      });
    },
    close() {
      closing = true;
      return new Promise((resolve) => {
        if (!server.listening) {
          resolve();
          return;
        }
        // Stops accepting and closes idle keep-alive sockets; busy ones close after their response (Connection: close).
        server.close(() => resolve());
        server.closeIdleConnections();
        const cut = setTimeout(() => server.closeAllConnections(), options.shutdownTimeout ?? 5000);
        cut.unref();
        server.once('close', () => clearTimeout(cut));
      });
    },
  };
}
