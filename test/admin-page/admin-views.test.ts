/**
 * Each API's admin view against its own store moved along its lifecycle on the manual clock: what
 * the page plans for a job is what the clock then does, and the history records it.
 */
import { describe, expect, it } from 'vitest';
import { createAdminApi } from '../../src/admin/admin-api.js';
import type { AdminHistoryEntry, AdminJobDetail, ApiName } from '../../src/core/api-module.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { createClock, DEFAULT_START } from '../../src/state/clock.js';

const setup = () => {
  const engine = createEngine({ clock: 'manual', onError: () => {} });
  return { engine, admin: createAdminApi(engine) };
};

type Admin = ReturnType<typeof setup>['admin'];

const planned = (detail: AdminJobDetail) => detail.history.filter((h) => h.source === 'planned');
const recorded = (detail: AdminJobDetail) => detail.history.filter((h) => h.source === 'recorded');

/** The first listed job whose detail passes `test`. */
function findJob(admin: Admin, api: ApiName, test: (detail: AdminJobDetail) => boolean): AdminJobDetail {
  for (const row of admin.jobs(api, { limit: 5000 }).jobs) {
    const detail = admin.job(api, row.id);
    if (test(detail)) return detail;
  }
  throw new Error(`no ${api} fixture job fits the test`);
}

/** Moves the clock exactly to `at`. */
function advanceTo(engine: ReturnType<typeof setup>['engine'], at: number): void {
  engine.advance(at - engine.clock.now());
}

describe('admin views: history follows the lifecycle on the clock', () => {
  it('exabyte: the planned status change happens at its time and joins the status track', () => {
    const { engine, admin } = setup();
    const before = findJob(admin, 'exabyte', (d) => planned(d).length === 1);
    const next = planned(before)[0]!;
    expect(next.at).toBeGreaterThan(engine.clock.now());
    advanceTo(engine, next.at! - 1);
    expect(admin.job('exabyte', before.id).status).toBe(before.status);
    advanceTo(engine, next.at!);
    const after = admin.job('exabyte', before.id);
    expect(after.status).toBe(next.status);
    expect(recorded(after).at(-1)).toEqual({ at: next.at, status: next.status, source: 'recorded' });
    expect((after.raw as { status: string }).status).toBe(next.status);
  });

  it('alteryx: a queued job starts and completes when planned; the start time is honestly unknown', () => {
    const { engine, admin } = setup();
    const before = findJob(admin, 'alteryx', (d) => d.status === 'Queued' && planned(d).length === 2);
    const [start, finish] = planned(before) as [AdminHistoryEntry, AdminHistoryEntry];
    expect(start.status).toBe('Running');
    expect(finish.status).toMatch(/^Completed\/(Success|Warning|Error)$/);
    advanceTo(engine, start.at! - 1);
    expect(admin.job('alteryx', before.id).status).toBe('Queued');
    advanceTo(engine, start.at!);
    const running = admin.job('alteryx', before.id);
    expect(running.status).toBe('Running');
    expect(running.history).toContainEqual(expect.objectContaining({ at: null, status: 'Running', source: 'unknown-time' }));
    advanceTo(engine, finish.at! - 1);
    expect(admin.job('alteryx', before.id).status).toBe('Running');
    advanceTo(engine, finish.at!);
    const done = admin.job('alteryx', before.id);
    expect(done.status).toBe(finish.status);
    expect(planned(done)).toEqual([]);
    expect(done.raw).toMatchObject({ id: before.id, status: 'Completed' });
  });

  it('contenthub: a pending job is picked up when planned and records its start time', () => {
    const { engine, admin } = setup();
    const before = findJob(admin, 'contenthub', (d) => d.status === 'Pending/Pending' && planned(d).some((p) => p.status === 'InProgress/None'));
    const pickup = planned(before).find((p) => p.status === 'InProgress/None')!;
    advanceTo(engine, pickup.at! - 1);
    expect(admin.job('contenthub', before.id).status).toBe('Pending/Pending');
    advanceTo(engine, pickup.at!);
    const after = admin.job('contenthub', before.id);
    expect(after.status).not.toBe('Pending/Pending');
    expect(recorded(after)).toContainEqual(expect.objectContaining({ at: pickup.at, status: 'InProgress/None', note: 'a worker picked the job up' }));
    expect((after.raw as { job: { properties: Record<string, unknown> } }).job.properties['Job.StartedOn']).toBe(new Date(pickup.at!).toISOString());
  });

  it('terrakube: the next scheduler tick moves the job and is recorded as its last change', () => {
    const { engine, admin } = setup();
    const before = findJob(admin, 'terrakube', (d) => d.status === 'running' && planned(d).some((p) => p.status === 'running'));
    const tick = planned(before).find((p) => p.status === 'running')!;
    advanceTo(engine, tick.at! - 1);
    expect(admin.job('terrakube', before.id).status).toBe('running');
    advanceTo(engine, tick.at!);
    const after = admin.job('terrakube', before.id);
    expect(after.status).not.toBe('running');
    expect(after.history).toContainEqual(expect.objectContaining({ at: tick.at, status: after.status, source: 'recorded' }));
    expect((after.raw as { data: { attributes: { status: string } } }).data.attributes.status).toBe(after.status);
  });

  it('iot: executions move as planned until a snapshot job is COMPLETED', () => {
    const { engine, admin } = setup();
    const before = findJob(admin, 'iot', (d) => d.status === 'IN_PROGRESS' && (d.raw as { job: { targetSelection: string } }).job.targetSelection === 'SNAPSHOT' && planned(d).length > 0);
    const last = Math.max(...planned(before).map((p) => p.at!));
    advanceTo(engine, last);
    let after = admin.job('iot', before.id);
    // A finished attempt may be retried or run on: follow the plan until none is left.
    for (let i = 0; i < 20 && planned(after).length > 0; i++) {
      advanceTo(engine, Math.max(...planned(after).map((p) => p.at!)));
      after = admin.job('iot', before.id);
    }
    expect(after.status).toBe('COMPLETED');
    const lastRecorded = recorded(after).at(-1)!;
    expect(lastRecorded.status).toBe('COMPLETED');
    expect((after.raw as { job: { status: string } }).job.status).toBe('COMPLETED');
    const times = recorded(after).map((h) => h.at!);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('every API lists its jobs newest first and filters by status and text', () => {
    const { admin } = setup();
    for (const api of ['contenthub', 'iot', 'alteryx', 'exabyte', 'terrakube'] as const) {
      const all = admin.jobs(api);
      expect(all.supported).toBe(true);
      expect(all.total).toBeGreaterThan(0);
      const status = all.statuses[0]!;
      const some = admin.jobs(api, { status });
      expect(some.jobs.length).toBeGreaterThan(0);
      expect(some.jobs.every((j) => j.status === status)).toBe(true);
      const one = all.jobs[0]!;
      expect(admin.jobs(api, { q: one.id.toUpperCase() }).jobs.map((j) => j.id)).toContain(one.id);
      expect(admin.jobs(api, { limit: 1 }).jobs).toEqual([all.jobs[0]]);
      const created = all.jobs.map((j) => j.createdAt!);
      expect(created).toEqual([...created].sort((a, b) => b - a));
    }
  });
});

describe('admin views on the real clock', () => {
  it('show lifecycles caught up to now without a request or a clock advance', () => {
    let wall = Date.UTC(2026, 0, 1);
    const engine = createEngine({ clock: createClock({ mode: 'real', start: DEFAULT_START, wallNow: () => wall }), onError: () => {} });
    const admin = createAdminApi(engine);
    const before = findJob(admin, 'exabyte', (d) => planned(d).length === 1);
    const next = planned(before)[0]!;
    wall += next.at! - engine.clock.now();
    expect(admin.jobs('exabyte', { q: before.id }).jobs[0]!.status).toBe(next.status);
    expect(admin.job('exabyte', before.id).history).toContainEqual({ at: next.at, status: next.status, source: 'recorded' });
    expect(engine.journal.size).toBe(0);
  });
});
