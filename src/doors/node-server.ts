import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdminApi, type AdminApi } from '../admin/admin-api.js';
import type { MockRequest } from '../core/http.js';
import { JobsKitError } from '../core/kit-error.js';
import { createEngine } from '../engine/create-engine.js';
import type { Engine } from '../engine/engine.js';
import { DEFAULT_MAX_BODY_BYTES, type EngineOptions } from '../engine/engine-options.js';
import { toMockResponse } from '../respond/to-mock-response.js';
import { dispatch, type DoorOptions } from './resolve-request.js';

export interface MockServerOptions extends EngineOptions, DoorOptions {
  engine?: Engine;
  /** Close connections idle for this long (ms). */
  keepAliveTimeout?: number;
  /** Give up on a request whose headers/body have not arrived in this time (ms). */
  requestTimeout?: number;
}

export interface MockServer {
  engine: Engine;
  admin: AdminApi;
  server: Server;
  listen(port: number, host?: string): Promise<{ port: number; host: string; url: string }>;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    out[name] = out[name] === undefined ? raw[i + 1]! : `${out[name]}, ${raw[i + 1]}`;
  }
  return out;
}

/** Reads the body as text, dropping it past the limit (the engine then answers 413 in the API's shape). */
function readBody(req: IncomingMessage, limit: number): Promise<{ text: string | undefined; bytes: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        over = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      resolve({ text: size === 0 || over ? undefined : Buffer.concat(chunks).toString('utf8'), bytes: size });
    });
    req.on('error', reject);
  });
}

/** The HTTP door: node:http straight to plain requests, no Fetch objects on the hot path. */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  const engine = options.engine ?? createEngine(options);
  const admin = createAdminApi(engine);
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let adminEnabled = options.admin !== false;

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const rawUrl = req.url ?? '/';
      const q = rawUrl.indexOf('?');
      const body = req.method === 'GET' || req.method === 'HEAD' ? { text: undefined, bytes: 0 } : await readBody(req, limit);
      const request: MockRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: q === -1 ? rawUrl : rawUrl.slice(0, q),
        rawQuery: q === -1 ? '' : rawUrl.slice(q + 1),
        headers: headersOf(req),
        bodyText: body.text,
        bodyBytes: body.bytes,
      };
      const isAdminPath = request.path === '/__admin' || request.path.startsWith('/__admin/');
      // Without a token the admin API answers loopback clients only, whatever interface we listen on.
      if (isAdminPath && adminEnabled && options.adminToken === undefined && !LOOPBACK.has(req.socket.remoteAddress ?? '')) {
        const refused = toMockResponse({ status: 403, body: { error: { status: 403, message: 'the admin API only answers localhost; start serve with --admin-token to allow remote admin' } } }, 'application/json');
        res.writeHead(refused.status, refused.headers).end(refused.bodyText);
        return;
      }
      const origin = request.headers['host'] ? `http://${request.headers['host']}` : undefined;
      const response = await dispatch(engine, admin, request, { ...options, admin: adminEnabled }, origin);
      res.writeHead(response.status, response.headers);
      res.end(req.method === 'HEAD' ? undefined : response.bodyText);
    } catch (error) {
      options.onError?.('http door failed', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { status: 500, message: 'jobs-kit server error (logged)' } }));
    }
  };

  const server = createServer({ keepAliveTimeout: options.keepAliveTimeout ?? 5000, requestTimeout: options.requestTimeout ?? 30_000 }, (req, res) => {
    void onRequest(req, res);
  });

  return {
    engine,
    admin,
    server,
    listen(port, host = '127.0.0.1') {
      if (!LOOPBACK.has(host) && host !== 'localhost' && options.adminToken === undefined) adminEnabled = false;
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
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
