#!/usr/bin/env node
// The jobs-kit command. `npm run build` compiles the TypeScript sources to dist/ and bundles the CLI
// into dist/bundle/ (one file plus lazily loaded chunks, so `serve` starts fast); `npm ci` runs it for
// you (the `prepare` script).
import('../dist/bundle/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    console.error('jobs-kit: the CLI is not built yet; run `npm run build` (npm ci does it for you)');
    process.exit(2);
  }
  console.error(`jobs-kit: ${error && error.message ? error.message : error}`);
  process.exit(2);
});
