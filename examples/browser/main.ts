// Development entry: start jobs-kit behind MSW's service worker, then the app. In production the
// app starts directly and the same relative URLs reach the real API.
import { setupJobsKitWorker } from 'jobs-kit/browser';
import { startJobsPage } from './jobs-page.js';

// The Exabyte API under /exabyte/api/v1 on this origin; the stores start from the seeded fixtures.
const kit = setupJobsKitWorker();
await kit.worker.start({ onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true });

// alice, one of the mock's development users (docs/apis/exabyte.md); a real app would sign in first.
const alice = kit.engine.module('exabyte').auth.devCredentials()[0]!.headers;
startJobsPage(document, { apiBase: '/exabyte/api/v1', credentials: alice, workflowId: '7GSofzPcxZryR8YiL' });
