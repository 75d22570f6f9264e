// The start-up floor for the cold-start figure: plain Node and node:http, no code of ours, answering
// /__admin/health like serve. Spawned like serve (node FILE --port P), so the two differ only by what
// jobs-kit does before it answers.
import { createServer } from 'node:http';

const port = Number(process.argv[process.argv.indexOf('--port') + 1]);
createServer((req, res) => {
  res.writeHead(req.url === '/__admin/health' ? 200 : 404, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
}).listen(port, '127.0.0.1');
