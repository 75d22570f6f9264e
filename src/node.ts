// jobs-kit/node: the mock in Node test suites (msw/node) and as an HTTP server.
export * from './index.js';
export { setupJobsKit, type JobsKitNode } from './doors/setup-node.js';
export { createMockServer, type MockServer, type MockServerOptions } from './doors/node-server.js';
export { startPrism, spawnPrism, PRISM_VERSION } from './contract/prism.js';
export { writeReports, parseReporter } from './contract/reporters/write-reports.js';
