// jobs-kit/browser: the mock behind MSW's service worker.
export * from './index.js';
export { setupJobsKitWorker, type JobsKitBrowser } from './doors/setup-browser.js';
