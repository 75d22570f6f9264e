import { describe, expect, it } from 'vitest';
import { createEngineFromModules } from '../../engine/engine.js';
import { ALICE, type ContentHubUser } from './auth.js';
import contenthub from './index.js';
import { linkBase, linksFor, ORIGIN } from './links.js';

/** The mock behind the engine, as a door would see it (response validation in 'throw' mode). */
function mock() {
  const engine = createEngineFromModules([contenthub], { seed: 1, clock: 'manual', validateResponses: 'throw' });
  const send = async (method: string, url: string, options: { as?: ContentHubUser; body?: unknown; mountUrl?: string } = {}) => {
    const [path, rawQuery = ''] = url.split('?') as [string, string?];
    const headers: Record<string, string> = { authorization: `Bearer ${(options.as ?? ALICE).token}` };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const r = await engine.handle('contenthub', { method, path, rawQuery, headers, bodyText: options.body === undefined ? undefined : JSON.stringify(options.body), mountUrl: options.mountUrl });
    expect(engine.violations).toEqual([]);
    return { status: r.status, headers: r.headers, body: r.body as any };
  };
  return { engine, send };
}

const pathOf = (href: string) => href.slice(ORIGIN.length);

describe('contenthub: job description', () => {
  it('creates a missing description with PUT: 201, the id, and a Location to read it back', async () => {
    const { send } = mock();
    expect((await send('GET', '/api/jobs/39389/description')).status).toBe(404);
    const put = await send('PUT', '/api/jobs/39389/description', { body: { properties: { 'JobDescription.Configuration': { order_id: 7 } } } });
    expect(put.status).toBe(201);
    expect(put.headers['location']).toBe(`${ORIGIN}/api/jobs/39389/description/${put.body.id}`);
    const read = await send('GET', pathOf(put.headers['location']!));
    expect(read.body.properties).toEqual({ 'JobDescription.Configuration': { order_id: 7 }, 'JobDescription.Progress': null });
    expect(read.body.created_by.href).toBe(`${ORIGIN}/api/entities/${ALICE.entityId}`);
    expect(read.body.relations.JobToJobDescription.parent.href).toBe(`${ORIGIN}/api/entities/39389`);
  });

  it('replaces with PUT (204): properties left out become null, the id and identifier stay', async () => {
    const { send } = mock();
    const before = (await send('GET', '/api/jobs/39309/description')).body;
    expect(before.properties['JobDescription.Progress']).not.toBeNull();
    expect((await send('PUT', '/api/jobs/39309/description', { body: { properties: { 'JobDescription.Configuration': { reprocess: true } } } })).status).toBe(204);
    const after = (await send('GET', '/api/jobs/39309/description')).body;
    expect(after.properties).toEqual({ 'JobDescription.Configuration': { reprocess: true }, 'JobDescription.Progress': null });
    expect([after.id, after.identifier, after.version]).toEqual([before.id, before.identifier, before.version + 1]);
  });

  it('changes only what PATCH sends (the seed says omitted become null; the spec follows partial semantics)', async () => {
    const { send } = mock();
    const before = (await send('GET', '/api/jobs/39309/description')).body;
    expect((await send('PATCH', '/api/jobs/39309/description', { body: { properties: { 'JobDescription.Progress': { processed: 1, total: 60 } } } })).status).toBe(204);
    const after = (await send('GET', '/api/jobs/39309/description')).body;
    expect(after.properties['JobDescription.Configuration']).toEqual(before.properties['JobDescription.Configuration']);
    expect(after.properties['JobDescription.Progress']).toEqual({ processed: 1, total: 60 });
  });

  it('answers PATCH and DELETE on a job without a description with 404', async () => {
    const { send } = mock();
    expect((await send('PATCH', '/api/jobs/39389/description', { body: {} })).status).toBe(404);
    expect((await send('DELETE', '/api/jobs/39389/description')).status).toBe(404);
  });

  it('deletes the description; reading it afterwards is a 404', async () => {
    const { send } = mock();
    expect((await send('DELETE', '/api/jobs/39309/description')).status).toBe(204);
    expect((await send('GET', '/api/jobs/39309/description')).status).toBe(404);
    expect((await send('GET', '/api/jobs/39309/description/39310')).status).toBe(404);
  });

  it('reads by description id only the description of that job', async () => {
    const { send } = mock();
    expect((await send('GET', '/api/jobs/39309/description/39310')).body.id).toBe(39310);
    const other = await send('GET', '/api/jobs/39309/description/39384');
    expect(other.status).toBe(404);
    expect(other.body.message).toMatch(/39384/);
  });

  it('refuses a body id of another entity (400) and an identifier another entity has (409)', async () => {
    const { send } = mock();
    const wrongId = await send('PUT', '/api/jobs/39309/description', { body: { id: 39311 } });
    expect([wrongId.status, Object.keys(wrongId.body.errors)]).toEqual([400, ['id']]);
    const job = (await send('GET', '/api/v2/jobs/39309')).body;
    const taken = await send('PATCH', '/api/jobs/39309/description', { body: { identifier: job.identifier } });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toContain(job.identifier);
  });

  it('refuses a relation to another job and unknown property names', async () => {
    const { send } = mock();
    const moved = await send('PATCH', '/api/jobs/39309/description', { body: { relations: { JobToJobDescription: { parent: { href: `${ORIGIN}/api/entities/39383` } } } } });
    expect(moved.status).toBe(400);
    const unknown = await send('PATCH', '/api/jobs/39309/description', { body: { properties: { 'JobDescription.Colour': 'red' } } });
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.errors)).toEqual(['properties.JobDescription.Colour']);
  });
});

describe('contenthub: job targets', () => {
  it('creates a target Pending/Pending with the new id and a Location; Job.TargetCount follows', async () => {
    const { send } = mock();
    const created = await send('POST', '/api/jobs/39309/targets', { body: { id: 0, properties: { 'Target.Location': 'https://cdn.example.com/a.jpg' } } });
    expect(created.status).toBe(201);
    const target = (await send('GET', `${pathOf(created.headers['location']!)}?cultures=en-US`)).body;
    expect(target.id).toBe(created.body.id);
    expect(target.properties).toMatchObject({ 'Target.State': 'Pending', 'Target.Condition': 'Pending', 'Target.Location': 'https://cdn.example.com/a.jpg', 'Target.Message': { 'en-US': null } });
    expect(target.relations.TargetToEntity.parent).toBeNull();
    expect((await send('GET', '/api/v2/jobs/39309')).body.properties['Job.TargetCount']).toBe(61);
  });

  it('refuses to let POST choose an id', async () => {
    const { send } = mock();
    const r = await send('POST', '/api/jobs/39309/targets', { body: { id: 123 } });
    expect([r.status, Object.keys(r.body.errors)]).toEqual([400, ['id']]);
  });

  it('creates bulk targets in order, or none when one of them is invalid', async () => {
    const { send } = mock();
    const bad = await send('POST', '/api/jobs/39309/targets/bulk', { body: [{}, { properties: { 'Target.State': 'Completed', 'Target.Condition': 'Pending' } }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['[1].properties']);
    expect((await send('GET', '/api/jobs/39309/targets')).body.total_items).toBe(60);
    const dup = await send('POST', '/api/jobs/39309/targets/bulk', { body: [{ identifier: 'same.one' }, { identifier: 'same.one' }] });
    expect(dup.status).toBe(409);
    const ok = await send('POST', '/api/jobs/39309/targets/bulk', { body: [{}, {}, {}] });
    expect(ok.status).toBe(201);
    expect(ok.body.ids).toHaveLength(3);
    expect(ok.body.ids[1]).toBe(ok.body.ids[0] + 1);
    expect((await send('GET', '/api/jobs/39309/targets')).body.total_items).toBe(63);
  });

  it('refuses more than 100 targets in one bulk request', async () => {
    const { send } = mock();
    expect((await send('POST', '/api/jobs/39309/targets/bulk', { body: Array.from({ length: 101 }, () => ({})) })).status).toBe(400);
    expect((await send('POST', '/api/jobs/39309/targets/bulk', { body: [] })).status).toBe(400);
  });

  it('pages through every target exactly once with skip/take, with next and previous links', async () => {
    const { send } = mock();
    const seen: number[] = [];
    let url: string | undefined = '/api/jobs/39309/targets?take=7';
    let pages = 0;
    while (url) {
      const page: any = (await send('GET', url)).body;
      expect(page.returned_items).toBe(page.items.length);
      expect(page.total_items).toBe(60);
      if (pages > 0) expect(page.previous.href).toContain(`skip=${(pages - 1) * 7}`);
      seen.push(...page.items.map((t: { id: number }) => t.id));
      url = page.next ? pathOf(page.next.href) : undefined;
      pages++;
    }
    expect(pages).toBe(9);
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => 39311 + i));
  });

  it('filters by state and caps take at 100 (default 25)', async () => {
    const { send } = mock();
    const completed = (await send('GET', '/api/jobs/39309/targets?state=Completed&take=100')).body;
    expect(completed.total_items).toBe(25);
    expect(completed.items.every((t: any) => t.properties['Target.State'] === 'Completed')).toBe(true);
    expect((await send('GET', '/api/jobs/39309/targets')).body.returned_items).toBe(25);
    await send('POST', '/api/jobs/39309/targets/bulk', { body: Array.from({ length: 60 }, () => ({})) });
    const capped = (await send('GET', '/api/jobs/39309/targets?take=500')).body;
    expect([capped.returned_items, capped.total_items]).toEqual([100, 120]);
    expect(capped.next.href).toContain('skip=100&take=100');
    expect((await send('GET', '/api/jobs/39309/targets?take=0')).status).toBe(400);
    expect((await send('GET', '/api/jobs/39309/targets?state=Done')).status).toBe(400);
  });

  it('replaces a target with PUT: properties and relations left out become null', async () => {
    const { send } = mock();
    const r = await send('PUT', '/api/jobs/39309/targets/39340', { body: { properties: { 'Target.State': 'Cancelled', 'Target.Condition': 'Cancelled' } } });
    expect(r.status).toBe(204);
    const t = (await send('GET', '/api/jobs/39309/targets/39340')).body;
    expect(t.properties).toEqual({ 'Target.State': 'Cancelled', 'Target.Condition': 'Cancelled', 'Target.Location': null, 'Target.StartedOn': null, 'Target.EndedOn': null });
    expect(t.relations.TargetToEntity.parent).toBeNull();
    expect(t.relations.JobToJobTarget.parent.href).toBe(`${ORIGIN}/api/entities/39309`);
    expect(t.modified_by.href).toBe(`${ORIGIN}/api/entities/${ALICE.entityId}`);
  });

  it('requires state and condition on PUT', async () => {
    const { send } = mock();
    const r = await send('PUT', '/api/jobs/39309/targets/39340', { body: { properties: { 'Target.Location': 'x' } } });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.errors).sort()).toEqual(['properties.Target.Condition', 'properties.Target.State']);
  });

  it('merges with PATCH, culture by culture', async () => {
    const { send } = mock();
    await send('PATCH', '/api/jobs/39309/targets/39340', { body: { properties: { 'Target.Message': { 'en-US': 'Waiting', 'fr-FR': 'En attente' } } } });
    await send('PATCH', '/api/jobs/39309/targets/39340', { body: { properties: { 'Target.Message': { 'fr-FR': null, 'de-DE': 'Wartet' } } } });
    const t = (await send('GET', '/api/jobs/39309/targets/39340?cultures=en-US&cultures=fr-FR&cultures=de-DE')).body;
    expect(t.properties['Target.Message']).toEqual({ 'en-US': 'Waiting', 'fr-FR': null, 'de-DE': 'Wartet' });
    expect(t.properties['Target.Location']).toMatch(/^https:\/\/cdn\./);
    expect(t.cultures).toEqual(['en-US', 'fr-FR', 'de-DE']);
    const bad = await send('PATCH', '/api/jobs/39309/targets/39340', { body: { properties: { 'Target.Message': { 'xx-XX': 'no' } } } });
    expect(bad.status).toBe(400);
  });

  it('refuses an impossible state/condition pair, even when only one half is sent', async () => {
    const { send } = mock();
    const r = await send('PATCH', '/api/jobs/39309/targets/39340', { body: { properties: { 'Target.State': 'Completed' } } });
    expect(r.status).toBe(400);
    expect(r.body.errors.properties[0]).toMatch(/Completed\/Pending/);
  });

  it('refuses to move a target to another job', async () => {
    const { send } = mock();
    const r = await send('PATCH', '/api/jobs/39309/targets/39340', { body: { relations: { JobToJobTarget: { parent: { href: `${ORIGIN}/api/entities/39405` } } } } });
    expect([r.status, Object.keys(r.body.errors)]).toEqual([400, ['relations.JobToJobTarget']]);
  });

  it('deletes a target; it is gone and the count follows', async () => {
    const { send } = mock();
    expect((await send('DELETE', '/api/jobs/39309/targets/39370')).status).toBe(204);
    expect((await send('GET', '/api/jobs/39309/targets/39370')).status).toBe(404);
    expect((await send('DELETE', '/api/jobs/39309/targets/39370')).status).toBe(404);
    expect((await send('GET', '/api/v2/jobs/39309')).body.properties['Job.TargetCount']).toBe(59);
  });

  it('finds a target only under its own job', async () => {
    const { send } = mock();
    expect((await send('GET', '/api/jobs/39405/targets/39311')).status).toBe(404);
  });

  it('picks up targets created on a running job as the clock moves', async () => {
    const { engine, send } = mock();
    const { id } = (await send('POST', '/api/jobs/39309/targets', { body: {} })).body;
    engine.advance(3 * 60 * 60 * 1000);
    const t = (await send('GET', `/api/jobs/39309/targets/${id}`)).body;
    expect(t.properties['Target.State']).toBe('Completed');
    expect(t.modified_by.href).toBe(`${ORIGIN}/api/entities/1`);
  });
});

describe('contenthub: cultures on reads', () => {
  it('leaves multi-language properties out when no culture is asked for', async () => {
    const { send } = mock();
    const job = (await send('GET', '/api/v2/jobs/39309')).body;
    expect(job.cultures).toEqual([]);
    expect(job.properties).not.toHaveProperty('Job.Title');
  });

  it('returns them for the asked cultures only, null where untranslated', async () => {
    const { send } = mock();
    const job = (await send('GET', '/api/v2/jobs/39309?cultures=de-DE&cultures=ja-JP')).body;
    expect(Object.keys(job.properties['Job.Title'])).toEqual(['de-DE', 'ja-JP']);
    expect(job.properties['Job.Title']['de-DE']).toMatch(/erzeugen$/);
    expect(job.properties['Job.Title']['ja-JP']).toBeNull();
  });

  it('answers a culture the server does not enable with 400', async () => {
    const { send } = mock();
    const r = await send('GET', '/api/jobs/39309/targets?cultures=pt-BR');
    expect([r.status, Object.keys(r.body.errors)]).toEqual([400, ['cultures']]);
    expect((await send('GET', '/api/v2/jobs/39309?cultures=english')).status).toBe(400);
  });
});

describe('contenthub: links start at the mount URL the client used', () => {
  const MOUNT = 'http://127.0.0.1:4010/contenthub';
  const hrefs = (value: unknown): string[] =>
    Array.isArray(value) ? value.flatMap(hrefs) : value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => (k === 'href' && typeof v === 'string' ? [v] : hrefs(v))) : [];

  it('puts every href of a body, paging links and Location headers on the mount', async () => {
    const { send } = mock();
    const page = (await send('GET', '/api/jobs/39309/targets?skip=2&take=2&cultures=en-US', { mountUrl: MOUNT })).body;
    expect(page.next.href).toBe(`${MOUNT}/api/jobs/39309/targets?skip=4&take=2&cultures=en-US`);
    expect(page.previous.href).toBe(`${MOUNT}/api/jobs/39309/targets?skip=0&take=2&cultures=en-US`);
    const bodies = [page, (await send('GET', '/api/v2/jobs/39309', { mountUrl: MOUNT })).body, (await send('GET', '/api/jobs/39309/description', { mountUrl: MOUNT })).body];
    const all = bodies.flatMap(hrefs);
    expect(all.length).toBeGreaterThan(20);
    for (const href of all) expect(href.startsWith(`${MOUNT}/api/`), href).toBe(true);
    const created = await send('POST', '/api/jobs/39309/targets', { body: {}, mountUrl: MOUNT });
    expect(created.headers['location']).toBe(`${MOUNT}/api/jobs/39309/targets/${created.body.id}`);
    const described = await send('PUT', '/api/jobs/39389/description', { body: {}, mountUrl: 'http://localhost:4010' });
    expect(described.headers['location']).toBe(`http://localhost:4010/api/jobs/39389/description/${described.body.id}`);
  });

  it('accepts relation links on any host, as read from any door', async () => {
    const { send } = mock();
    const r = await send('PATCH', '/api/jobs/39309/targets/39340', { body: { relations: { JobToJobTarget: { parent: { href: `${MOUNT}/api/entities/39309` } } } }, mountUrl: MOUNT });
    expect(r.status).toBe(204);
  });

  it('falls back to the real host without a mount URL, and for one that is not an absolute http(s) URL', () => {
    expect(linkBase(undefined)).toBe(ORIGIN);
    expect(linkBase('http://foo bar/contenthub')).toBe(ORIGIN);
    expect(linkBase('file:///tmp/x')).toBe(ORIGIN);
    expect(linkBase('http://127.0.0.1:4010/')).toBe('http://127.0.0.1:4010');
    expect(linkBase('http://Mock.local:80/contenthub/?q=1')).toBe('http://mock.local/contenthub');
    expect(linksFor(undefined).job(1).href).toBe(`${ORIGIN}/api/v2/jobs/1`);
  });
});
