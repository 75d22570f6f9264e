#!/usr/bin/env node
// The jobs-kit command. The TypeScript sources are compiled to dist/ by `npm run build`, which
// `npm ci` runs for you (the `prepare` script).
import('../dist/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    console.error('jobs-kit: the CLI is not built yet; run `npm run build` (npm ci does it for you)');
    process.exit(2);
  }
  console.error(`jobs-kit: ${error && error.message ? error.message : error}`);
  process.exit(2);
});
