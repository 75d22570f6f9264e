// Bundled by esbuild for the browser door: the mock behind MSW's service worker, driven by the test through window.__jobsKit.
import { setupJobsKitWorker } from '../../src/browser.js';

const kit = setupJobsKitWorker({ seed: 1, clock: 'manual', validateResponses: 'throw', baseUrl: location.origin });
await kit.worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
(window as unknown as { __jobsKit: unknown }).__jobsKit = kit;
document.body.dataset['ready'] = 'true';
