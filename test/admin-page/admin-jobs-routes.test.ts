/** The admin routes the page uses: the page itself, job lists and details, stats; bad input gets a clear answer. */
import { describe, expect, it } from 'vitest';
import { createAdminApi } from '../../src/admin/admin-api.js';
import { handleAdminRequest } from '../../src/admin/admin-routes.js';
import { PAGE_SCRIPT } from '../../src/admin/page/page-script.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { createEngineFromModules } from '../../src/engine/engine.js';
import { tinyApi } from '../support/tiny-api.js';

const setup = (engine = createEngine({ clock: 'manual', onError: () => {} })) => {
  const admin = createAdminApi(engine);
  return (method: string, path: string, rawQuery = '') => handleAdminRequest(admin, { method, path, rawQuery, bodyText: undefined });
};

describe('admin page routes', () => {
  it('serves the page as one HTML document at /__admin/, whose script parses', () => {
    const call = setup();
    const res = call('GET', '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.bodyText).toContain('<title>jobs-kit admin</title>');
    expect(res.bodyText).toContain(PAGE_SCRIPT);
    expect(() => new Function(PAGE_SCRIPT)).not.toThrow();
    expect(PAGE_SCRIPT).not.toContain('</script');
  });

  it('lists and details jobs, with ids URL-encoded', () => {
    const call = setup();
    const list = call('GET', '/jobs', 'api=iot&status=COMPLETED&limit=2').body as { jobs: { id: string; status: string }[]; matched: number };
    expect(list.jobs).toHaveLength(2);
    expect(list.jobs.every((j) => j.status === 'COMPLETED')).toBe(true);
    const id = list.jobs[0]!.id;
    expect(id).toContain('/');
    const detail = call('GET', `/jobs/iot/${encodeURIComponent(id)}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id, status: 'COMPLETED', history: expect.any(Array), raw: { job: { status: 'COMPLETED' } } });
  });

  it('answers bad input with 400, a missing job with 404 and a wrong method with 405', () => {
    const call = setup();
    expect(call('GET', '/jobs', 'api=nope')).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('unknown api "nope"') } } });
    expect(call('GET', '/jobs')).toMatchObject({ status: 400 });
    expect(call('GET', '/jobs', 'api=iot&limit=0')).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('limit must be') } } });
    expect(call('GET', '/jobs/iot/no-such-job')).toMatchObject({ status: 404, body: { error: { message: 'iot has no job "no-such-job"' } } });
    expect(call('GET', '/jobs/iot/%E0%A4%A')).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('URL-encoded') } } });
    expect(call('GET', '/jobs/nope/1')).toMatchObject({ status: 400 });
    expect(call('DELETE', '/jobs/iot/x')).toMatchObject({ status: 405 });
  });

  it('says when an API does not describe its jobs, and reports journal stats', () => {
    const call = setup(createEngineFromModules([tinyApi], { onError: () => {} }));
    expect(call('GET', '/jobs', 'api=tiny').body).toEqual({ api: 'tiny', supported: false, total: 0, matched: 0, statuses: [], jobs: [] });
    // The tiny API has no jobCapacity hook: its store is not counted or capped.
    const stats = call('GET', '/stats').body as { memory: Record<string, number> };
    expect(stats).toMatchObject({ journal: { size: 0, capacity: 1000, evicted: 0 }, stores: { tiny: { jobs: null, capacity: 100000, evicted: 0 } } });
    // In Node the process's own memory comes along (a soak samples it to tell heap growth from RSS growth).
    expect(Object.keys(stats.memory).sort()).toEqual(['externalMiB', 'heapTotalMiB', 'heapUsedMiB', 'rssMiB']);
    expect(stats.memory['heapUsedMiB']).toBeGreaterThan(0);
    expect(stats.memory['rssMiB']).toBeGreaterThanOrEqual(stats.memory['heapUsedMiB']!);
  });
});
