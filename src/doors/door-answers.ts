import type { Socket } from 'node:net';
import { ApiError } from '../core/api-error.js';
import type { ApiName } from '../core/api-module.js';
import type { MockResponse } from '../core/http.js';
import type { Engine } from '../engine/engine.js';
import { toMockResponse } from '../respond/to-mock-response.js';
import { resolveMount, type MountMode } from './mount.js';

/** jobs-kit's own envelope, for answers that belong to no API (admin, unmounted paths, broken HTTP). */
export function kitAnswer(status: number, message: string): MockResponse {
  return toMockResponse({ status, body: { error: { status, message } } }, 'application/json');
}

/**
 * The answer to a request that arrives once shutdown has begun: the 503 of the API the path belongs to,
 * in that API's envelope, so clients' retry logic sees what the real service sends when it is going away.
 */
export function shuttingDownAnswer(engine: Engine, path: string, mount: MountMode): MockResponse {
  const mounted = resolveMount(path, engine.apis, mount);
  const message = 'the mock server is shutting down; retry against a running one';
  if (mounted.kind !== 'api') return kitAnswer(503, message);
  const module = engine.module(mounted.api as ApiName);
  const error = new ApiError('service_unavailable', message, { headers: { 'retry-after': '1' } });
  const reply = module.errors.render(error, undefined);
  return toMockResponse({ ...reply, headers: { ...error.headers, ...reply.headers } }, module.mediaType);
}

/** Node's codes for requests that never became a request: the status to answer, if any. */
const CLIENT_ERRORS: Record<string, { status: number; text: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, text: 'Request Header Fields Too Large', message: 'request headers are larger than the server accepts' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, text: 'Request Timeout', message: 'the request did not arrive in time' },
  HPE_HEADERS_TIMEOUT: { status: 408, text: 'Request Timeout', message: 'the request headers did not arrive in time' },
};

/**
 * Answers an HTTP-level client error (oversized headers, timeouts, unparseable requests) with a complete
 * response (status, JSON body, Content-Length, Connection: close) and closes the socket. Node's default
 * sends a bare status line; clients that parse error bodies would then fail on an empty one.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // As node's own handler: answer only when nothing has been written yet (never inside a response).
  if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const known = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, text: 'Bad Request', message: `malformed HTTP request (${error.code ?? 'parse error'})` };
  const body = JSON.stringify({ error: { status: known.status, message: known.message } });
  socket.end(`HTTP/1.1 ${known.status} ${known.text}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}
