import { connect, type Socket } from 'node:net';

/** What came back on a raw socket: the bytes as text, and whether (and how fast) the server closed it. */
export interface RawOutcome {
  text: string;
  closed: boolean;
  status: number | undefined;
  headers: Record<string, string>;
  body: string;
}

export function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Parses the first response on the wire: status, headers and a Content-Length or chunked body. */
export function parseResponse(text: string): Pick<RawOutcome, 'status' | 'headers' | 'body'> {
  const end = text.indexOf('\r\n\r\n');
  if (end === -1) return { status: undefined, headers: {}, body: '' };
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(statusLine!.split(' ')[1]);
  if (headers['transfer-encoding'] !== 'chunked') return { status, headers, body: text.slice(end + 4, end + 4 + Number(headers['content-length'] ?? 0)) };
  let body = '';
  for (let at = end + 4; ; ) {
    const lineEnd = text.indexOf('\r\n', at);
    const size = lineEnd === -1 ? 0 : parseInt(text.slice(at, lineEnd), 16);
    if (!size) break;
    body += text.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
  return { status, headers, body };
}

/** Collects everything the server sends until it closes the socket or `waitMs` passes. */
export function collect(socket: Socket, waitMs: number): Promise<RawOutcome> {
  return new Promise((resolve) => {
    let text = '';
    let closed = false;
    const finish = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      resolve({ text, closed, ...parseResponse(text) });
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', onData);
    socket.once('close', () => {
      closed = true;
      finish();
    });
    socket.on('error', () => {});
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
