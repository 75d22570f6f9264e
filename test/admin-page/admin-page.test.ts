/**
 * The admin page (`/__admin/`) in a real Chromium, against `serve`'s HTTP door: the page lists an
 * API's jobs, shows a job created through the API, moves it along the clock when the page advances
 * time, shows its lifecycle and raw JSON, streams the request journal, changes latency and faults,
 * and resets. Screenshots land in test-results/admin-page/ (gitignored) for people to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/doors/node-server.js';
import { browserAvailability, launchChromium } from '../support/chromium.js';

const availability = browserAvailability('admin page (Chromium)');
const SHOTS = join(process.cwd(), 'test-results', 'admin-page');
const HOUR = 3_600_000;

describe.skipIf(!availability.run)('admin page in Chromium', () => {
  let server: MockServer;
  let url: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const shots: string[] = [];

  const shot = async (name: string) => {
    const path = join(SHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    shots.push(path);
  };
  const jobRow = (id: string) => page.locator(`#jobs tbody tr[data-id="${id}"]`);
  /** A job's status in the list, or null while it is not listed (never waits, so polls stay short). */
  const listedStatus = (id: string) =>
    page.evaluate((jobId) => [...document.querySelectorAll<HTMLElement>('#jobs tbody tr')].find((tr) => tr.dataset['id'] === jobId)?.querySelector('td.status')?.textContent ?? null, id);
  /** The page refreshes every 500 ms: give it a few rounds. */
  const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 8_000, interval: 100 });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = createMockServer({ clock: 'manual', validateResponses: 'throw' });
    url = (await server.listen(0)).url;
    browser = await launchChromium(availability.executable!);
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // Refused admin calls (the bad latency below) are answers the page shows, not page errors.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (shots.length > 0) console.log(`admin page screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  });

  it('drives a job through its lifecycle from the page, with the journal live', async () => {
    await page.goto(`${url}/__admin/`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await poll(() => page.textContent('#clock-mode')).toBe('manual clock');
    expect(await page.getAttribute('#clock-now', 'data-now')).toBe(String(server.engine.clock.startedAt));

    // The iot list shows the fixtures' jobs with their statuses.
    await page.click('#api-tabs button[data-api="iot"]');
    const fixtureId = '210987654321:us-east-1/reboot-valves-20241231';
    await poll(() => listedStatus(fixtureId)).toBe('IN_PROGRESS');

    // A job created through the API appears in the list, and its request in the journal.
    const credential = server.engine.module('iot').auth.devCredentials()[0]!;
    const targets = ['thermostat-lobby-01', 'thermostat-lobby-02'].map((thing) => `arn:aws:iot:us-east-1:123456789012:thing/${thing}`);
    const created = await fetch(`${url}/iot/jobs`, {
      method: 'POST',
      headers: { ...credential.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ jobId: 'admin-page-demo', targets, document: '{"operation":"reboot"}', description: 'Reboot two lobby thermostats' }),
    });
    expect(created.status).toBe(200);
    const id = '123456789012:us-east-1/admin-page-demo';
    await poll(() => listedStatus(id)).toBe('IN_PROGRESS');
    expect(await page.getAttribute('#jobs tbody tr:first-child', 'data-id')).toBe(id);
    const postRow = page.locator('#journal tbody tr', { hasText: 'createJob' });
    await poll(() => postRow.count()).toBe(1);
    expect(await postRow.locator('td').allTextContents()).toEqual(expect.arrayContaining(['iot', 'POST', '/jobs', '200', 'createJob', 'alice']));

    // The status filter narrows the list to the status picked.
    await page.selectOption('#status-filter', 'COMPLETED');
    await poll(() => jobRow(id).count()).toBe(0);
    const shown = await page.locator('#jobs tbody td.status').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['COMPLETED']));
    await page.selectOption('#status-filter', '');
    await page.fill('#text-filter', 'admin-page');
    await poll(() => page.locator('#jobs tbody tr').count()).toBe(1);
    await shot('jobs-list');

    // Its detail: queued executions, the device events planned on the clock, the API's own JSON.
    await jobRow(id).click();
    await poll(() => page.textContent('#detail-id')).toBe(id);
    const historyStatuses = () => page.locator('#history tbody td.status').allTextContents();
    expect(await historyStatuses()).toEqual(['IN_PROGRESS', 'QUEUED', 'QUEUED', 'IN_PROGRESS', 'IN_PROGRESS']);
    expect(await page.locator('#history tbody tr.planned').count()).toBe(2);
    const rawBefore = JSON.parse((await page.textContent('#raw'))!);
    expect(rawBefore.job).toMatchObject({ jobId: 'admin-page-demo', status: 'IN_PROGRESS', description: 'Reboot two lobby thermostats' });
    await shot('job-detail-queued');

    // Four hours on the clock, from the page: every device has answered, the job is COMPLETED.
    await page.fill('#advance-amount', '4');
    await page.selectOption('#advance-unit', String(HOUR));
    await page.click('#advance-btn');
    await poll(() => page.getAttribute('#clock-now', 'data-now')).toBe(String(server.engine.clock.startedAt + 4 * HOUR));
    await poll(() => page.textContent('#detail-status')).toBe('COMPLETED');
    await page.fill('#text-filter', '');
    await poll(() => listedStatus(id)).toBe('COMPLETED');
    const after = await historyStatuses();
    expect(after[after.length - 1]).toBe('COMPLETED');
    expect(after.filter((s) => s === 'SUCCEEDED' || s === 'FAILED' || s === 'REJECTED')).toHaveLength(2);
    expect(await page.locator('#history tbody tr.planned').count()).toBe(0);
    expect(JSON.parse((await page.textContent('#raw'))!).job.status).toBe('COMPLETED');
    // The page shows what the API itself answers.
    const described = await fetch(`${url}/iot/jobs/admin-page-demo`, { headers: credential.headers });
    expect(((await described.json()) as { job: { status: string } }).job.status).toBe('COMPLETED');
    await shot('job-detail-completed');
  });

  it('changes latency and faults, and the journal shows the injected errors', async () => {
    await page.fill('#latency-min', '40');
    await page.fill('#latency-max', '60');
    await page.click('#latency-apply');
    await poll(() => server.engine.settings.latency).toEqual({ min: 40, max: 60 });
    // The server applies the setting before the page has read its answer: wait for the page too.
    await poll(() => page.textContent('#settings-now')).toContain('latency 40-60 ms');

    await page.fill('#fault-rate', '100');
    await page.fill('#fault-status', '503');
    await page.click('#fault-apply');
    await poll(() => server.engine.settings.faults).toEqual({ rate: 1, status: 503 });
    const credential = server.engine.module('iot').auth.devCredentials()[0]!;
    const faulted = await fetch(`${url}/iot/jobs`, { headers: credential.headers });
    expect(faulted.status).toBe(503);
    await poll(() => page.locator('#journal tbody td.status', { hasText: /^503$/ }).count()).toBe(1);

    // Bad input is refused by the admin API and the page says why.
    await page.fill('#latency-min', '90');
    await page.click('#latency-apply');
    await poll(() => page.textContent('#message')).toContain('latency must be');
    expect(await page.getAttribute('#message', 'class')).toBe('error');
    expect(server.engine.settings.latency).toEqual({ min: 40, max: 60 });

    await page.click('#fault-off');
    await page.click('#latency-off');
    await poll(() => server.engine.settings.faults ?? null).toBeNull();
    await poll(() => server.engine.settings.latency ?? null).toBeNull();
    await shot('journal-and-settings');
  });

  it('seeds records into the selected API, and says why when they are refused', async () => {
    await page.click('#api-tabs button[data-api="alteryx"]');
    await poll(() => page.locator('#jobs tbody tr').count()).toBeGreaterThan(0);
    const template = server.admin.job('alteryx', server.admin.jobs('alteryx', { status: 'Completed/Success', limit: 1 }).jobs[0]!.id).raw as Record<string, unknown>;
    const seeded = { ...template, id: 'aaaaaaaaaaaaaaaaaaaaaaaa' };
    await page.fill('#seed-data', JSON.stringify({ jobs: 'not a list' }));
    await page.click('#seed-btn');
    await poll(() => page.textContent('#message')).toContain('workflows and jobs must be arrays');
    await page.fill('#seed-data', JSON.stringify({ jobs: [seeded] }));
    await page.click('#seed-btn');
    await poll(() => page.textContent('#message')).toBe('seeded 1 records into alteryx');
    await poll(() => listedStatus(seeded.id)).toBe('Completed/Success');
    const kept = server.engine.storeStats().alteryx!.jobs;
    await poll(() => page.textContent('#stats')).toContain(`alteryx: ${kept} jobs of 100000 kept, 0 evicted`);
  });

  it('resets the mock: the clock goes back and the created job is gone', async () => {
    await page.click('#reset-btn');
    await poll(() => page.getAttribute('#clock-now', 'data-now')).toBe(String(server.engine.clock.startedAt));
    await poll(() => page.locator('#detail-body').isHidden()).toBe(true);
    // The seeded alteryx job is gone, and so is the iot job created through the API; the fixtures are back.
    await poll(() => listedStatus('aaaaaaaaaaaaaaaaaaaaaaaa')).toBeNull();
    await page.click('#api-tabs button[data-api="iot"]');
    await poll(() => listedStatus('210987654321:us-east-1/reboot-valves-20241231')).toBe('IN_PROGRESS');
    expect(await listedStatus('123456789012:us-east-1/admin-page-demo')).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
