// Preloaded (node -r) by test/cli/lazy-commands.test.ts: records every package the CLI requires and
// prints them as one line on stderr when the process exits.
const Module = require('node:module');
const loaded = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  if (!request.startsWith('node:') && !request.startsWith('.') && !request.startsWith('/') && !Module.isBuiltin(request)) loaded.add(request);
  return load.call(this, request, ...rest);
};
process.on('exit', () => process.stderr.write(`\nREQUIRED ${JSON.stringify([...loaded].sort())}\n`));
