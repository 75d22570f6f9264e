// jobs-kit/node: the mock in Node test suites (msw/node) and as an HTTP server.
export * from './index.js';
export { setupJobsKit, type JobsKitNode } from './doors/setup-node.js';
export { createMockServer, type MockServer, type MockServerOptions } from './doors/node-server.js';
