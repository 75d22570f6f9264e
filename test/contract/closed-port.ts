import { createServer } from 'node:net';

/** A loopback port nothing listens on (taken, then released): a connection to it is refused. */
export function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
