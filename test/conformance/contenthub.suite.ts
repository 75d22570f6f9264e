import { beforeEach, describe, expect, it } from 'vitest';
import { auth } from '../../src/apis/contenthub/auth.js';
import type { DevCredential } from '../../src/core/principal.js';
import type { ApiSuite, DoorResponse } from './door.js';

const [alice, bob, administrator] = auth.devCredentials() as [DevCredential, DevCredential, DevCredential];
/** Content Hub's own host: what a client may send in relation links, and what the mock's links fall back to. */
const REAL_HOST = 'https://your-server.sitecorecontenthub.cloud';
const MIN = 60_000;
const H = 60 * MIN;

/** Fixture jobs (seed 1): 39309 alice running 60 targets; 39371 bob private; 39376 bob shared with alice;
 * 39383 alice pending 47 h with no worker; 39389 alice Created without description; 39410 administrator's. */
const RUNNING = 39309;
const BOBS = 39371;
const SHARED = 39376;
const STUCK = 39383;
const CREATED = 39389;
const ADMINS = 39410;

/**
 * Content Hub links are absolute. The mock's start at its mount as the client addressed it (each door's
 * own origin, plus `/contenthub` when mounted with the other APIs), so bodies differ per door: split a
 * link into that mount and the path and query the door's `request` takes.
 */
function splitHref(href: string): { mount: string; path: string } {
  const match = /^(https?:\/\/[^/?#]+(?:\/[^?#]*?)?)(\/api\/.*)$/.exec(href);
  if (!match) throw new Error(`not an absolute Content Hub link: ${href}`);
  return { mount: match[1]!, path: match[2]! };
}
const pathOf = (href: string) => splitHref(href).path;

/** Every `href` in a body, wherever it sits. */
function hrefsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) hrefsIn(item, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'href' && typeof item === 'string') out.push(item);
      else hrefsIn(item, out);
    }
  }
  return out;
}

export const contenthubSuite: ApiSuite = (door) => {
  const send = (method: string, path: string, options: { as?: DevCredential | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<DoorResponse> => {
    const headers: Record<string, string> = { ...(options.as === null ? {} : (options.as ?? alice).headers) };
    if (options.body !== undefined && typeof options.body !== 'string') headers['content-type'] = 'application/json';
    return door().request('contenthub', path, { method, headers: { ...headers, ...options.headers }, body: options.body });
  };
  const job = async (id: number, as = alice) => (await send('GET', `/api/v2/jobs/${id}`, { as })).body;
  const expectError = (r: DoorResponse, status: number) => {
    expect(r.status, r.text).toBe(status);
    expect(typeof r.body.message).toBe('string');
  };

  beforeEach(async () => {
    await door().admin.reset();
  });

  describe('contenthub: retrieve a job', () => {
    it('returns the M.Job entity with links to its relations and Job.Title for the asked cultures', async () => {
      const r = await send('GET', `/api/v2/jobs/${RUNNING}?cultures=en-US&cultures=fr-FR`);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.body).toMatchObject({ id: RUNNING, cultures: ['en-US', 'fr-FR'] });
      expect(pathOf(r.body.created_by.href)).toBe('/api/entities/31017');
      expect(r.body.properties).toMatchObject({ 'Job.State': 'InProgress', 'Job.Condition': 'None', 'Job.TargetCount': 60 });
      expect(Object.keys(r.body.properties['Job.Title'])).toEqual(['en-US', 'fr-FR']);
      expect(pathOf(r.body.relations.JobToJobTarget.href)).toBe(`/api/entities/${RUNNING}/relations/JobToJobTarget`);
    });

    it('leaves Job.Title out without cultures, and refuses a culture that is not enabled', async () => {
      expect((await job(RUNNING)).properties).not.toHaveProperty('Job.Title');
      const r = await send('GET', `/api/v2/jobs/${RUNNING}?cultures=xx-XX`);
      expectError(r, 400);
      expect(Object.keys(r.body.errors)).toEqual(['cultures']);
    });

    it('answers an unknown job with 404 and a non-numeric id with 400', async () => {
      expectError(await send('GET', '/api/v2/jobs/99999999'), 404);
      expectError(await send('GET', '/api/v2/jobs/not-a-number'), 400);
    });
  });

  describe('contenthub: job lifecycle on the clock', () => {
    it('moves a Created job to Pending, InProgress and Completed, running its targets', async () => {
      const state = async () => {
        const p = (await job(CREATED)).properties;
        return [p['Job.State'], p['Job.Condition']];
      };
      expect(await state()).toEqual(['Created', 'Pending']);
      await door().admin.advance(30_000);
      expect(await state()).toEqual(['Pending', 'Pending']);
      await door().admin.advance(2 * MIN);
      expect(await state()).toEqual(['InProgress', 'None']);
      const targets = (await send('GET', `/api/jobs/${CREATED}/targets`)).body.items.map((t: any) => t.properties['Target.State']);
      expect(targets).toEqual(['InProgress', 'Pending', 'Pending']);
      await door().admin.advance(H);
      const done = await job(CREATED);
      expect(done.properties['Job.State']).toBe('Completed');
      expect(done.properties['Job.TargetsCompleted']).toBe(3);
      expect(done.properties['Job.Condition']).toBe(done.properties['Job.TargetsFailed'] > 0 ? 'Failure' : 'Success');
    });

    it('marks a job pending for more than 48 hours as failed', async () => {
      await door().admin.advance(H);
      expect((await job(STUCK)).properties['Job.State']).toBe('Pending');
      await door().admin.advance(1);
      expect((await job(STUCK)).properties).toMatchObject({ 'Job.State': 'Completed', 'Job.Condition': 'Failure', 'Job.Message': 'The job was pending for more than 48 hours and was marked as failed.' });
    });

    it('runs targets added to a running job, and a target a client cancels stays cancelled', async () => {
      const { id } = (await send('POST', `/api/jobs/${RUNNING}/targets`, { body: {} })).body;
      expect((await send('PATCH', `/api/jobs/${RUNNING}/targets/39370`, { body: { properties: { 'Target.State': 'Cancelled', 'Target.Condition': 'Cancelled' } } })).status).toBe(204);
      await door().admin.advance(3 * H);
      expect((await send('GET', `/api/jobs/${RUNNING}/targets/${id}`)).body.properties['Target.State']).toBe('Completed');
      expect((await send('GET', `/api/jobs/${RUNNING}/targets/39370`)).body.properties['Target.State']).toBe('Cancelled');
      const done = (await job(RUNNING)).properties;
      expect([done['Job.State'], done['Job.TargetCount'], done['Job.TargetsCompleted']]).toEqual(['Completed', 61, 60]);
    });
  });

  describe('contenthub: job description', () => {
    it('reads the description, by job and by its own id', async () => {
      const r = await send('GET', `/api/jobs/${RUNNING}/description`);
      expect(r.status).toBe(200);
      expect(pathOf(r.body.relations.JobToJobDescription.parent.href)).toBe(`/api/entities/${RUNNING}`);
      expect((await send('GET', `/api/jobs/${RUNNING}/description/${r.body.id}`)).body).toEqual(r.body);
      expectError(await send('GET', `/api/jobs/${RUNNING}/description/39311`), 404);
      expectError(await send('GET', `/api/jobs/${CREATED}/description`), 404);
    });

    it('creates with PUT (201 + Location), replaces with PUT (204, unsent become null), patches only what is sent', async () => {
      const created = await send('PUT', `/api/jobs/${CREATED}/description`, { body: { properties: { 'JobDescription.Configuration': { order_id: 1 }, 'JobDescription.Progress': { processed: 0 } } } });
      expect(created.status).toBe(201);
      const location = pathOf(created.headers['location']!);
      expect(location).toBe(`/api/jobs/${CREATED}/description/${created.body.id}`);
      expect((await send('PATCH', `/api/jobs/${CREATED}/description`, { body: { properties: { 'JobDescription.Progress': { processed: 2 } } } })).status).toBe(204);
      expect((await send('GET', location)).body.properties).toEqual({ 'JobDescription.Configuration': { order_id: 1 }, 'JobDescription.Progress': { processed: 2 } });
      expect((await send('PUT', `/api/jobs/${CREATED}/description`, { body: { properties: { 'JobDescription.Configuration': { order_id: 2 } } } })).status).toBe(204);
      expect((await send('GET', location)).body.properties).toEqual({ 'JobDescription.Configuration': { order_id: 2 }, 'JobDescription.Progress': null });
    });

    it('deletes the description; PATCH and DELETE then answer 404', async () => {
      expect((await send('DELETE', `/api/jobs/${RUNNING}/description`)).status).toBe(204);
      expectError(await send('GET', `/api/jobs/${RUNNING}/description`), 404);
      expectError(await send('PATCH', `/api/jobs/${RUNNING}/description`, { body: {} }), 404);
      expectError(await send('DELETE', `/api/jobs/${RUNNING}/description`), 404);
    });

    it('refuses a taken identifier with 409 and unknown properties with 400', async () => {
      const identifier = (await job(RUNNING)).identifier;
      expectError(await send('PATCH', `/api/jobs/${RUNNING}/description`, { body: { identifier } }), 409);
      expectError(await send('PUT', `/api/jobs/${RUNNING}/description`, { body: { properties: { 'Job.State': 'Completed' } } }), 400);
    });
  });

  describe('contenthub: job targets', () => {
    it('pages through every target exactly once, following next links', async () => {
      const seen: number[] = [];
      let url: string | undefined = `/api/jobs/${RUNNING}/targets?take=25`;
      while (url) {
        const page: DoorResponse = await send('GET', url);
        expect(page.status).toBe(200);
        expect(page.body.total_items).toBe(60);
        expect(page.body.returned_items).toBe(page.body.items.length);
        seen.push(...page.body.items.map((t: { id: number }) => t.id));
        url = page.body.next ? pathOf(page.body.next.href) : undefined;
      }
      expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => 39311 + i));
    });

    it('filters by state, links back with previous, and caps take at 100', async () => {
      const second = (await send('GET', `/api/jobs/${RUNNING}/targets?state=Completed&skip=20&take=10`)).body;
      expect([second.total_items, second.returned_items, second.next]).toEqual([25, 5, undefined]);
      expect(pathOf(second.previous.href)).toBe(`/api/jobs/${RUNNING}/targets?skip=10&take=10&state=Completed`);
      expect((await send('GET', `/api/jobs/${RUNNING}/targets?take=1000`)).body.returned_items).toBe(60);
      expectError(await send('GET', `/api/jobs/${RUNNING}/targets?skip=-1`), 400);
    });

    it('creates one target (201, id, Location) and several with /bulk (ids in order)', async () => {
      const one = await send('POST', `/api/jobs/${RUNNING}/targets`, { body: { properties: { 'Target.Location': 'https://cdn.example.com/x.jpg' } } });
      expect(one.status).toBe(201);
      const read = await send('GET', pathOf(one.headers['location']!));
      expect(read.body.properties).toMatchObject({ 'Target.State': 'Pending', 'Target.Condition': 'Pending', 'Target.Location': 'https://cdn.example.com/x.jpg' });
      const bulk = await send('POST', `/api/jobs/${RUNNING}/targets/bulk`, { body: [{}, {}] });
      expect(bulk.status).toBe(201);
      expect(bulk.body.ids).toEqual([one.body.id + 1, one.body.id + 2]);
      expectError(await send('POST', `/api/jobs/${RUNNING}/targets/bulk`, { body: [{}, { id: 5 }] }), 400);
      expect((await job(RUNNING)).properties['Job.TargetCount']).toBe(63);
    });

    it('replaces with PUT (unsent become null), merges with PATCH, deletes with DELETE', async () => {
      const url = `/api/jobs/${RUNNING}/targets/39340`;
      expect((await send('PATCH', url, { body: { properties: { 'Target.Message': { 'en-US': 'Queued again' } } } })).status).toBe(204);
      const patched = (await send('GET', `${url}?cultures=en-US`)).body.properties;
      expect([patched['Target.Message'], patched['Target.Location']]).toEqual([{ 'en-US': 'Queued again' }, expect.stringMatching(/^https:/)]);
      expect((await send('PUT', url, { body: { properties: { 'Target.State': 'Pending', 'Target.Condition': 'Pending' } } })).status).toBe(204);
      const replaced = (await send('GET', `${url}?cultures=en-US`)).body;
      expect([replaced.properties['Target.Message'], replaced.properties['Target.Location'], replaced.relations.TargetToEntity.parent]).toEqual([{ 'en-US': null }, null, null]);
      expect((await send('DELETE', url)).status).toBe(204);
      expectError(await send('GET', url), 404);
    });

    it('refuses impossible state pairs, missing PUT state, moves to another job and a taken identifier', async () => {
      const url = `/api/jobs/${RUNNING}/targets/39340`;
      expectError(await send('PATCH', url, { body: { properties: { 'Target.State': 'Completed', 'Target.Condition': 'Pending' } } }), 400);
      expectError(await send('PUT', url, { body: { properties: {} } }), 400);
      expectError(await send('PATCH', url, { body: { relations: { JobToJobTarget: { parent: { href: `${REAL_HOST}/api/entities/${CREATED}` } } } } }), 400);
      expectError(await send('PATCH', url, { body: { identifier: (await job(RUNNING)).identifier } }), 409);
      expectError(await send('GET', `/api/jobs/${CREATED}/targets/39340`), 404);
    });
  });

  describe('contenthub: links lead back to the mock the client called', () => {
    it('starts every href and the Location header at the door’s mount, never at the real host', async () => {
      const running = (await send('GET', `/api/v2/jobs/${RUNNING}`)).body;
      const { mount, path } = splitHref(running.self.href);
      expect(path).toBe(`/api/v2/jobs/${RUNNING}`);
      expect(mount).not.toBe(REAL_HOST);
      expect(mount).toMatch(/^https?:\/\/[^/]+(\/contenthub)?$/);
      const page = (await send('GET', `/api/jobs/${RUNNING}/targets?skip=2&take=2`)).body;
      const hrefs = [running, page, (await send('GET', `/api/jobs/${RUNNING}/description`)).body].flatMap((body) => hrefsIn(body));
      expect(hrefs.length).toBeGreaterThan(20);
      for (const href of hrefs) expect(splitHref(href).mount, href).toBe(mount);
      expect([pathOf(page.next.href), pathOf(page.previous.href)]).toEqual([`/api/jobs/${RUNNING}/targets?skip=4&take=2`, `/api/jobs/${RUNNING}/targets?skip=0&take=2`]);
      const created = await send('POST', `/api/jobs/${RUNNING}/targets`, { body: {} });
      expect(splitHref(created.headers['location']!)).toEqual({ mount, path: `/api/jobs/${RUNNING}/targets/${created.body.id}` });
    });
  });

  describe('contenthub: auth and per-user permissions', () => {
    it('answers a missing or unknown token with 401 in Content Hub’s shape', async () => {
      for (const as of [null, { ...alice, headers: { authorization: 'Bearer nope' } }]) {
        const r = await send('GET', `/api/v2/jobs/${RUNNING}`, { as });
        expectError(r, 401);
        expect(r.headers['www-authenticate']).toBe('Bearer');
      }
    });

    it('hides another user’s job behind 403 through get, description, targets and list', async () => {
      for (const path of [`/api/v2/jobs/${RUNNING}`, `/api/jobs/${RUNNING}/description`, `/api/jobs/${RUNNING}/targets`, `/api/jobs/${RUNNING}/targets/39311`, `/api/jobs/${RUNNING}/targets?state=Completed&skip=5`]) {
        const r = await send('GET', path, { as: bob });
        expectError(r, 403);
        expect(JSON.stringify(r.body)).not.toContain('39312');
      }
      expectError(await send('GET', `/api/v2/jobs/${BOBS}`), 403);
      expectError(await send('DELETE', `/api/jobs/${BOBS}/targets/39373`), 403);
      expect((await send('GET', `/api/v2/jobs/${BOBS}`, { as: bob })).status).toBe(200);
    });

    it('lets a reader read a shared job but not change it; a superuser does both', async () => {
      expect((await send('GET', `/api/jobs/${SHARED}/targets`)).status).toBe(200);
      expectError(await send('POST', `/api/jobs/${SHARED}/targets`, { body: {} }), 403);
      expectError(await send('GET', `/api/v2/jobs/${ADMINS}`), 403);
      expect((await send('POST', `/api/jobs/${SHARED}/targets`, { as: administrator, body: {} })).status).toBe(201);
    });

    it('serves everything as the administrator when auth is off', async () => {
      await door().admin.setAuth(false);
      try {
        expect((await send('GET', `/api/v2/jobs/${BOBS}`, { as: null })).status).toBe(200);
        const created = await send('POST', `/api/jobs/${ADMINS}/targets`, { as: null, body: {} });
        expect(created.status).toBe(201);
        expect(pathOf((await send('GET', pathOf(created.headers['location']!), { as: null })).body.created_by.href)).toBe('/api/entities/6');
      } finally {
        await door().admin.setAuth(true);
      }
    });
  });

  describe('contenthub: protocol errors in Content Hub’s shape', () => {
    it('answers unknown paths with 404 and wrong methods with 405 and Allow', async () => {
      expectError(await send('GET', '/api/v2/jobs'), 404);
      const r = await send('POST', `/api/v2/jobs/${RUNNING}`, { body: {} });
      expectError(r, 405);
      expect(r.headers['allow']).toBe('GET');
    });

    it('answers malformed JSON with 400 and a body that is not JSON with 415', async () => {
      expectError(await send('POST', `/api/jobs/${RUNNING}/targets`, { body: '{"properties":', headers: { 'content-type': 'application/json' } }), 400);
      expectError(await send('POST', `/api/jobs/${RUNNING}/targets`, { body: 'hello', headers: { 'content-type': 'text/plain' } }), 415);
    });
  });
};
