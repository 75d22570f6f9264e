// Loads the example page in Chromium: the page's fetches are answered by jobs-kit inside MSW's
// service worker (the static server below knows nothing of /exabyte), and a created job shows up.
import { mkdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchChromium } from '../../test/support/chromium.js';
import { serveStatic } from '../../test/support/static-server.js';

const availability = browserAvailability('examples/browser (jobs page through the MSW worker)');
const here = (file: string) => new URL(file, import.meta.url).pathname;
const SHOTS = here('../../test-results/examples-browser/');

/** The page as a developer serves it: index.html, the bundled main.ts, and the worker script at the root. */
async function site() {
  const bundle = await build({ entryPoints: [here('main.ts')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
  return serveStatic({
    '/index.html': readFileSync(here('index.html')),
    '/main.js': bundle.outputFiles[0]!.text,
    '/mockServiceWorker.js': readFileSync(here('../../public/mockServiceWorker.js')),
  });
}

describe.skipIf(!availability.run)('examples/browser: a jobs page on the MSW worker', () => {
  let server: Awaited<ReturnType<typeof site>>;
  let browser: Browser;
  let page: Page;
  const names = () => page.locator('#jobs li span:first-child').allTextContents();

  beforeAll(async () => {
    server = await site();
    browser = await launchChromium(availability.executable!);
    page = await browser.newPage();
    page.on('pageerror', (error) => console.error('[examples/browser] page error:', error));
    await page.goto(server.url);
    await page.waitForSelector('#jobs[aria-busy="false"]', { timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lists ten of the signed-in user's jobs from the seeded fixtures", async () => {
    const listed = await names();
    expect(listed).toHaveLength(10);
    expect(await page.locator('#jobs .status').allTextContents()).not.toContain('');
    expect(await page.locator('#error').textContent()).toBe('');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}list.png` });
  });

  it('creates a job through the form and shows it at the top as pre-submission', async () => {
    await page.fill('input[name="name"]', 'Band structure of GaAs');
    await page.click('button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('#jobs li span')?.textContent === 'Band structure of GaAs', undefined, { timeout: 10_000 });
    const first = page.locator('#jobs li').first();
    expect(await first.locator('.status').textContent()).toBe('pre-submission');
    expect(await first.getAttribute('data-id')).toMatch(/^[23456789A-HJ-NP-Za-km-z]{17}$/);
    expect(await page.locator('#error').textContent()).toBe('');
    await page.screenshot({ path: `${SHOTS}created.png` });
  });
});
