import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { browserAvailability, launchChromium } from '../support/chromium.js';
import { serveStatic } from '../support/static-server.js';
import { parseDoorBody, requestInit } from './door-response.js';
import { runSuitesThrough } from './run-suites.js';

const availability = browserAvailability('browser door (MSW service worker in Chromium)');

async function bundleApp(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('../browser/door-app.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

type Kit = { reset(): void; advance(ms: number): number; admin: { updateSettings(p: unknown): unknown } };

if (!availability.run) {
  describe.skip('browser door', () => it('needs Chromium', () => {}));
} else {
  runSuitesThrough('browser (MSW worker)', async () => {
    const site = await serveStatic({
      '/index.html': '<!doctype html><html><body><script type="module" src="/app.js"></script></body></html>',
      '/app.js': await bundleApp(),
      '/mockServiceWorker.js': readFileSync(new URL('../../public/mockServiceWorker.js', import.meta.url)),
    });
    const browser: Browser = await launchChromium(availability.executable!);
    const page: Page = await browser.newPage();
    page.on('pageerror', (error) => console.error('[browser door] page error:', error));
    await page.goto(site.url);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 });
    const call = <T>(fn: (kit: Kit, arg: any) => T, arg?: unknown) => page.evaluate(([source, a]) => new Function('kit', 'arg', `return (${source})(kit, arg)`)((window as any).__jobsKit, a), [fn.toString(), arg] as const) as Promise<T>;
    return {
      name: 'browser',
      async request(api, path, init) {
        const result = await page.evaluate(
          async ({ url, init: i }) => {
            const res = await fetch(url, i);
            const headers: Record<string, string> = {};
            res.headers.forEach((v, k) => (headers[k] = v));
            return { status: res.status, headers, text: await res.text() };
          },
          { url: `${site.url}/${api}${path}`, init: requestInit(init) as { method: string; headers: Record<string, string>; body?: string } },
        );
        return { ...result, body: parseDoorBody(result.text, result.headers['content-type']) };
      },
      admin: {
        reset: async () => void (await call((kit) => kit.reset())),
        advance: async (ms) => void (await call((kit, n) => kit.advance(n), ms)),
        setAuth: async (enabled) => void (await call((kit, e) => kit.admin.updateSettings({ auth: e }), enabled)),
      },
      async close() {
        await browser.close();
        await site.close();
      },
    };
  });
}
