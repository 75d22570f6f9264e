/**
 * The practical limit: a bare node:http server answering fixed routes with JSON.stringify per request.
 * Usage: node --import tsx bench/servers/bare-server.ts <port> <routes.json>
 * routes.json: [{ method, path, status, headers, body }] captured from jobs-kit, so both send the same bytes.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

interface Route {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const [portArg, routesFile] = process.argv.slice(2);
if (!portArg || !routesFile) throw new Error('usage: bare-server.ts <port> <routes.json>');
const routes = new Map<string, Route>();
for (const route of JSON.parse(readFileSync(routesFile, 'utf8')) as Route[]) routes.set(`${route.method} ${route.path}`, route);

const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const route = routes.get(`${req.method} ${q === -1 ? url : url.slice(0, q)}`);
  // Read (and drop) any request body before answering, as a real server must.
  req.resume();
  req.on('end', () => {
    if (url === '/__admin/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"no route"}');
    } else {
      res.writeHead(route.status, route.headers);
      res.end(route.body === undefined ? undefined : JSON.stringify(route.body));
    }
  });
});
server.listen(Number(portArg), '127.0.0.1', () => process.stdout.write(`bare server on 127.0.0.1:${portArg}\n`));
