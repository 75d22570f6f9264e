import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import { validateResponse } from '../../src/contract/validate-response.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../../src/doors/node-server.js';
import { collect, openSocket, sleep } from './raw-http.js';

const open: MockServer[] = [];
const sockets: Socket[] = [];
async function start(options: MockServerOptions = {}) {
  const mock = createMockServer({ apis: ['iot', 'exabyte'], auth: false, clock: 'manual', onError: () => {}, ...options });
  open.push(mock);
  const { port, url } = await mock.listen(0);
  return { mock, port, url };
}
async function socketTo(port: number): Promise<Socket> {
  const socket = await openSocket(port);
  sockets.push(socket);
  return socket;
}
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(open.splice(0).map((m) => m.close()));
});

const head = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${extra}\r\n`;

describe('HTTP door limits', () => {
  it('answers a body over the limit with 413 in the API envelope, as the spec documents', async () => {
    const { url } = await start({ maxBodyBytes: 1024 });
    const res = await fetch(`${url}/exabyte/api/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x'.repeat(5000) }) });
    const body = await res.json();
    expect(res.status).toBe(413);
    expect(validateResponse({ api: 'exabyte', operationId: 'createJob', status: 413, headers: res.headers, body })).toEqual([]);
  });

  it('answers headers over maxHeaderSize with a complete 431 (JSON body, Content-Length, Connection: close)', async () => {
    const { port } = await start({ maxHeaderSize: 4096 });
    const socket = await socketTo(port);
    socket.write(head('/iot/jobs', `x-big: ${'a'.repeat(8000)}\r\n`));
    const out = await collect(socket, 2000);
    expect(out.status).toBe(431);
    expect(out.headers['connection']).toBe('close');
    expect(out.headers['content-type']).toBe('application/json');
    expect(Number(out.headers['content-length'])).toBe(Buffer.byteLength(out.body));
    expect(JSON.parse(out.body)).toEqual({ error: { status: 431, message: expect.stringContaining('headers') } });
    expect(out.closed).toBe(true);
  });

  it('answers an unparseable request line with a complete 400 and closes', async () => {
    const { port } = await start();
    const socket = await socketTo(port);
    socket.write('NOT HTTP AT ALL\r\n\r\n');
    const out = await collect(socket, 2000);
    expect(out.status).toBe(400);
    expect(JSON.parse(out.body).error.status).toBe(400);
    expect(out.closed).toBe(true);
  });

  it('times out a client that dribbles its headers: 408 with a JSON body, then the socket is closed', async () => {
    const { port } = await start({ headersTimeout: 400, requestTimeout: 400, connectionsCheckingInterval: 100 });
    const socket = await socketTo(port);
    const outcome = collect(socket, 4000);
    const started = performance.now();
    const text = head('/iot/jobs', 'x-slow: yes\r\n');
    for (let i = 0; i < text.length - 2 && !socket.destroyed; i++) {
      socket.write(text[i]!);
      await sleep(50);
      if (performance.now() - started > 2000) break;
    }
    const out = await outcome;
    expect(out.status).toBe(408);
    expect(JSON.parse(out.body).error.status).toBe(408);
    expect(out.closed).toBe(true);
  });

  it('times out a client that sends its headers but dribbles the body', async () => {
    const { port } = await start({ headersTimeout: 400, requestTimeout: 600, connectionsCheckingInterval: 100 });
    const socket = await socketTo(port);
    const outcome = collect(socket, 4000);
    socket.write('POST /exabyte/api/v1/jobs/create HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"name":');
    const out = await outcome;
    // Node answers 408 when nothing was written yet; the request never reached the engine.
    expect(out.closed).toBe(true);
    expect(out.status).toBe(408);
  });

  it('keeps serving new clients while 500 idle connections are open, and closes the idle ones', async () => {
    const { port, url } = await start({ keepAliveTimeout: 300, headersTimeout: 800, requestTimeout: 800, connectionsCheckingInterval: 100 });
    const idle = await Promise.all(Array.from({ length: 500 }, () => socketTo(port)));
    // Half of them make one keep-alive request and then sit idle; the other half never send a byte.
    const keptAlive = idle.slice(0, 250);
    const outcomes = keptAlive.map((socket) => collect(socket, 5000));
    for (const socket of keptAlive) socket.write(head('/iot/jobs'));
    const silent = idle.slice(250).map((socket) => collect(socket, 5000));

    const res = await fetch(`${url}/iot/jobs`);
    expect(res.status).toBe(200);

    const answered = await Promise.all(outcomes);
    expect(answered.every((o) => o.status === 200 && o.closed)).toBe(true);
    const quiet = await Promise.all(silent);
    expect(quiet.filter((o) => !o.closed)).toEqual([]);
    // The server's side of each socket goes a moment after the client sees it close.
    const connections = () => new Promise<number>((resolve) => open[0]!.server.getConnections((_, n) => resolve(n)));
    for (let i = 0; i < 40 && (await connections()) > 0; i++) await sleep(50);
    expect(await connections()).toBe(0);
  });

  it('on close(): finishes in-flight requests, answers 503 in the API shape to requests still arriving, refuses new connections, then resolves', async () => {
    const { mock, port, url } = await start({ latency: { min: 300, max: 300 } });
    // In flight when close() starts: it must still get its normal answer, marked Connection: close.
    const inFlight = await socketTo(port);
    const inFlightOutcome = collect(inFlight, 3000);
    inFlight.write(head('/iot/jobs'));
    // A kept-alive socket whose next request is half-sent when close() starts and completes after.
    const late = await socketTo(port);
    const lateOutcome = collect(late, 3000);
    late.write('GET /iot/jobs HTTP/1.1\r\nhost: 127.0.0.1\r\n');
    await sleep(50);

    const closed = mock.close();
    let resolved = false;
    void closed.then(() => (resolved = true));
    late.write('\r\n');

    const lateOut = await lateOutcome;
    expect(lateOut.status).toBe(503);
    expect(lateOut.headers['connection']).toBe('close');
    expect(validateResponse({ api: 'iot', operationId: 'listJobs', status: 503, headers: lateOut.headers, body: JSON.parse(lateOut.body) })).toEqual([]);
    expect(lateOut.closed).toBe(true);

    await expect(fetch(`${url}/iot/jobs`)).rejects.toThrow();
    expect(resolved).toBe(false);

    const first = await inFlightOutcome;
    expect(first.status).toBe(200);
    expect(first.headers['connection']).toBe('close');
    expect(first.closed).toBe(true);
    await closed;
  });
});
