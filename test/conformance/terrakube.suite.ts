import { beforeEach, describe, expect, it } from 'vitest';
import { ORG, TEMPLATE, WS } from '../../src/apis/terrakube/catalog.js';
import terrakube from '../../src/apis/terrakube/index.js';
import type { DevCredential } from '../../src/core/principal.js';
import type { ApiSuite, DoorRequestInit, DoorResponse } from './door.js';

const [alice, bob, carol] = terrakube.auth.devCredentials() as [DevCredential, DevCredential, DevCredential];
const VND = { 'content-type': 'application/vnd.api+json' };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const SECOND = 1000;
const HOUR = 3_600_000;
/** Fixture jobs (fixed by the catalog, whatever the seed draws for their details). */
const JOB = { history: '1', waiting: '33', queuedBehind: '34', runningApply: '35', locked: '36', queued: '37', approved: '38', dataRunning: '39', dataWaiting: '40' };

interface Job {
  type: 'job';
  id: string;
  attributes: Record<string, any>;
  relationships: Record<string, { data: any }>;
}

export const terrakubeSuite: ApiSuite = (door) => {
  const call = (who: DevCredential | undefined, path: string, init: DoorRequestInit = {}): Promise<DoorResponse> =>
    door().request('terrakube', `/api/v1${path}`, { ...init, headers: { ...(who?.headers ?? {}), ...(init.body !== undefined ? VND : {}), ...init.headers } });
  const get = (who: DevCredential, path: string) => call(who, path);
  const orgJob = (id: string, org: string = ORG.platform) => `/organization/${org}/job/${id}`;
  const job = async (id: string, who = alice): Promise<Job> => {
    const res = await get(who, `${orgJob(id, id === JOB.dataRunning || id === JOB.dataWaiting ? ORG.data : ORG.platform)}?include=step`);
    expect(res.status, `GET job ${id}`).toBe(200);
    return { ...res.body.data, steps: res.body.included ?? [] };
  };
  const steps = async (id: string) => ((await job(id)) as Job & { steps: { attributes: { status: string; name: string } }[] }).steps.map((s) => s.attributes.status);
  const patch = (who: DevCredential, id: string, attributes: Record<string, unknown>, org: string = ORG.platform) =>
    call(who, orgJob(id, org), { method: 'PATCH', body: { data: { type: 'job', id, attributes } } });
  const create = (who: DevCredential, attributes: Record<string, unknown>, workspace: string = WS.sandbox) =>
    call(who, `/workspace/${workspace}/job`, { method: 'POST', body: { data: { type: 'job', attributes, relationships: { workspace: { data: { type: 'workspace', id: workspace } } } } } });
  const advance = (ms: number) => door().admin.advance(ms);
  const expectErrors = (res: DoorResponse, status: number, detail?: string | RegExp) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.api\+json/);
    expect(res.body).toEqual({ errors: [expect.objectContaining({ detail: expect.any(String) })] });
    for (const error of res.body.errors) expect(Object.keys(error)).toEqual(['detail']);
    if (detail !== undefined) expect(res.body.errors[0].detail).toMatch(detail);
  };
  const list = async (who: DevCredential, path: string) => {
    const res = await get(who, path);
    expect(res.status, path).toBe(200);
    return res.body as { data: Job[]; included?: unknown[]; meta?: { page: Record<string, number> } };
  };

  beforeEach(async () => {
    await door().admin.reset();
  });

  describe('terrakube: authentication', () => {
    it('answers 401 with a Bearer challenge, in the errors shape, when no token is sent', async () => {
      const res = await call(undefined, orgJob(JOB.history));
      expectErrors(res, 401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it('answers 401 invalid_token for a token the server did not issue', async () => {
      const res = await call({ ...alice, headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' } }, orgJob(JOB.history));
      expectErrors(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
    });

    it('lets any caller read and write every organization when auth is off', async () => {
      await door().admin.setAuth(false);
      try {
        expect((await call(undefined, orgJob(JOB.dataRunning, ORG.data))).status).toBe(200);
        const created = await call(undefined, `/workspace/${WS.featureStore}/job`, { method: 'POST', body: { data: { type: 'job', attributes: { command: 'plan' } } } });
        expect(created.status).toBe(201);
        expect(created.body.data.attributes.createdBy).toBe('anonymous');
      } finally {
        await door().admin.setAuth(true);
      }
    });
  });

  describe('terrakube: GET a job', () => {
    it('returns the job as a JSON:API resource with its relationships', async () => {
      const res = await get(alice, orgJob(JOB.history));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/vnd\.api\+json/);
      expect(res.body.data).toMatchObject({ type: 'job', id: '1', attributes: { status: expect.any(String), via: expect.any(String), createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/) } });
      expect(res.body.data.relationships.organization.data).toEqual({ type: 'organization', id: ORG.platform });
      expect(res.body.data.relationships.step.data.length).toBeGreaterThan(0);
      expect(res.body).not.toHaveProperty('included');
    });

    it('returns the same resource through its workspace', async () => {
      const byOrg = await get(alice, orgJob(JOB.waiting));
      const byWorkspace = await get(alice, `/workspace/${WS.networking}/job/${JOB.waiting}`);
      expect(byWorkspace.status).toBe(200);
      expect(byWorkspace.body).toEqual(byOrg.body);
    });

    it('adds the related resources with include= and trims fields with fields[job]=', async () => {
      const res = await get(alice, `${orgJob(JOB.waiting)}?include=step,workspace,organization&fields[job]=status,step`);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ type: 'job', id: JOB.waiting, attributes: { status: 'waitingApproval' }, relationships: { step: { data: expect.any(Array) } } });
      const included = res.body.included as { type: string; id: string; attributes: Record<string, unknown> }[];
      expect(included.filter((r) => r.type === 'step').map((r) => r.id)).toEqual(res.body.data.relationships.step.data.map((s: { id: string }) => s.id));
      expect(included.find((r) => r.type === 'workspace')).toMatchObject({ id: WS.networking, attributes: { name: 'networking-prod' } });
      expect(included.find((r) => r.type === 'organization')).toMatchObject({ id: ORG.platform, attributes: { name: 'platform-engineering' } });
      expect(included.filter((r) => r.type === 'step').map((r) => r.attributes['status'])).toEqual(['completed', 'waitingApproval', 'pending']);
    });

    it('answers 404 for an unknown job, a job of another workspace and an unknown organization', async () => {
      expectErrors(await get(alice, orgJob('999999')), 404, 'Unknown identifier 999999 for job');
      expectErrors(await get(alice, `/workspace/${WS.eks}/job/${JOB.waiting}`), 404, `Unknown identifier ${JOB.waiting} for job`);
      expectErrors(await get(alice, orgJob('1', UNKNOWN)), 404, `Unknown identifier ${UNKNOWN} for organization`);
    });

    it('answers 400 for an id that is not a job id, and for an unknown include', async () => {
      expectErrors(await get(alice, orgJob('abc')), 400);
      expectErrors(await get(alice, `${orgJob('1')}?include=address`), 400, /address/);
    });

    it('answers 403 ReadPermission Denied to someone outside the organization, by either route', async () => {
      expectErrors(await get(alice, orgJob(JOB.dataRunning, ORG.data)), 403, 'ReadPermission Denied');
      expectErrors(await get(bob, orgJob(JOB.history)), 403, 'ReadPermission Denied');
      expectErrors(await get(bob, `/workspace/${WS.networking}/job/${JOB.waiting}`), 403, 'ReadPermission Denied');
    });
  });

  describe('terrakube: search jobs', () => {
    it('lists every job of the organization in id order, without page meta when no page[...] is sent', async () => {
      const body = await list(alice, `/organization/${ORG.platform}/job`);
      expect(body.data.map((j) => Number(j.id))).toEqual([...Array(24).keys()].map((i) => i + 1).concat([33, 34, 35, 36, 37, 38]));
      expect(body.data).toHaveLength(30);
      expect(body).not.toHaveProperty('meta');
    });

    it('pages through every job exactly once with page[number]/page[size], with totals', async () => {
      const seen: string[] = [];
      for (let number = 1; number <= 5; number++) {
        const body = await list(alice, `/organization/${ORG.platform}/job?page[number]=${number}&page[size]=7&page[totals]`);
        expect(body.meta?.page).toEqual({ number, limit: 7, totalPages: 5, totalRecords: 30 });
        seen.push(...body.data.map((j) => j.id));
      }
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
    });

    it('pages through every job exactly once with page[offset]/page[limit]', async () => {
      const seen: string[] = [];
      for (let offset = 0; ; offset += 8) {
        const body = await list(alice, `/organization/${ORG.platform}/job?page[offset]=${offset}&page[limit]=8`);
        expect(body.meta?.page).toEqual({ number: Math.floor(offset / 8) + 1, limit: 8 });
        seen.push(...body.data.map((j) => j.id));
        if (body.data.length < 8) break;
      }
      expect(new Set(seen).size).toBe(30);
      expect(seen).toHaveLength(30);
    });

    it('filters with RSQL: ==, !=, =in=, =out=, wildcards, ; and , with parentheses', async () => {
      const ids = async (filter: string) => (await list(alice, `/organization/${ORG.platform}/job?filter[job]=${encodeURIComponent(filter)}`)).data;
      const completed = await ids('status==completed');
      expect(completed.length).toBeGreaterThan(0);
      expect(completed.every((j) => j.attributes['status'] === 'completed')).toBe(true);
      expect((await ids('status!=completed')).length).toBe(30 - completed.length);
      const ended = await ids('status=in=(failed,rejected,cancelled)');
      expect(ended.every((j) => ['failed', 'rejected', 'cancelled'].includes(j.attributes['status']))).toBe(true);
      expect((await ids('status=out=(failed,rejected,cancelled)')).length).toBe(30 - ended.length);
      const prod = await ids('workspace.name==*-prod');
      expect(prod.every((j) => j.relationships['workspace']!.data.id === WS.networking)).toBe(true);
      const mixed = await ids(`(status==waitingApproval,status==running);workspace.id==${WS.networking}`);
      expect(mixed.map((j) => j.id)).toEqual([JOB.waiting]);
      expect((await ids('id=gt=33 and id<36')).map((j) => j.id)).toEqual(['34', '35']);
    });

    it('answers 400 in the errors shape for bad RSQL, an unknown field and a value of the wrong type', async () => {
      const bad = (filter: string) => get(alice, `/organization/${ORG.platform}/job?filter[job]=${encodeURIComponent(filter)}`);
      expectErrors(await bad('status=oops=completed'), 400, 'Unknown operator: =oops=');
      expectErrors(await bad('status==completed;'), 400, /^Encountered/);
      expectErrors(await bad('branch==main'), 400, 'No such association branch for type job');
      expectErrors(await bad('status==finished'), 400, 'Invalid value: finished');
      expectErrors(await get(alice, `/organization/${ORG.platform}/job?filter[step]=status==completed`), 400, 'Invalid query parameter: filter[step]');
    });

    it('sorts by a comma list of fields, - for descending', async () => {
      const desc = await list(alice, `/organization/${ORG.platform}/job?sort=-id&page[size]=3`);
      expect(desc.data.map((j) => j.id)).toEqual(['38', '37', '36']);
      const byStatus = await list(alice, `/organization/${ORG.platform}/job?sort=status,-id`);
      const statuses = byStatus.data.map((j) => j.attributes['status'] as string);
      expect(statuses).toEqual([...statuses].sort());
      expectErrors(await get(alice, `/organization/${ORG.platform}/job?sort=branch`), 400, /branch/);
    });

    it("answers 400 with Elide's messages for bad page parameters", async () => {
      const path = `/organization/${ORG.platform}/job?`;
      expectErrors(await get(alice, `${path}page[size]=10001`), 400, 'Invalid value: Pagination size must be less than or equal to 10000');
      expectErrors(await get(alice, `${path}page[size]=5&page[offset]=5`), 400, 'Invalid value: Invalid usage of pagination parameters.');
      expectErrors(await get(alice, `${path}page[limit]=0`), 400, /Pagination limit must contain a positive, non-zero value/);
      expectErrors(await get(alice, `${path}page[foo]=1`), 400, /Invalid Pagination Parameter/);
    });

    it("lists a workspace's jobs with included workspaces and steps", async () => {
      const body = await list(alice, `/workspace/${WS.networking}/job?include=workspace,step`);
      expect(body.data.length).toBeGreaterThan(2);
      expect(body.data.every((j) => j.relationships['workspace']!.data.id === WS.networking)).toBe(true);
      const included = body.included as { type: string; id: string }[];
      expect(included.filter((r) => r.type === 'workspace').map((r) => r.id)).toEqual([WS.networking]);
      const stepIds = body.data.flatMap((j) => j.relationships['step']!.data.map((s: { id: string }) => s.id));
      expect(included.filter((r) => r.type === 'step').map((r) => r.id)).toEqual(stepIds);
    });

    it("keeps each organization's jobs to its members (list, filter, paging)", async () => {
      expectErrors(await get(bob, `/organization/${ORG.platform}/job`), 403, 'ReadPermission Denied');
      expectErrors(await get(bob, `/workspace/${WS.networking}/job?page[size]=1`), 403, 'ReadPermission Denied');
      const own = await list(bob, `/organization/${ORG.data}/job?page[totals]`);
      expect(own.meta?.page['totalRecords']).toBe(10);
      expect(own.data.every((j) => j.relationships['organization']!.data.id === ORG.data)).toBe(true);
      const probe = await list(bob, `/organization/${ORG.data}/job?filter[job]=${encodeURIComponent(`organization.id==${ORG.platform}`)}`);
      expect(probe.data).toEqual([]);
      const carolSees = await list(carol, `/organization/${ORG.platform}/job?page[totals]`);
      expect(carolSees.meta?.page['totalRecords']).toBe(30);
    });
  });

  describe('terrakube: create a job', () => {
    it("creates the seed's example job (command plan) as pending, with the next integer id", async () => {
      const res = await create(alice, { command: 'plan' });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({
        type: 'job',
        id: '41',
        attributes: { status: 'pending', command: 'plan', via: 'UI', createdBy: alice.principal.id, createdDate: '2025-01-01T00:00Z' },
        relationships: { organization: { data: { type: 'organization', id: ORG.platform } }, workspace: { data: { type: 'workspace', id: WS.sandbox } }, step: { data: [] } },
      });
      const again = await create(alice, { command: 'apply' });
      expect(again.body.data.id).toBe('42');
      const listed = await list(alice, `/workspace/${WS.sandbox}/job?filter[job]=id=ge=41`);
      expect(listed.data.map((j) => j.id)).toEqual(['41', '42']);
    });

    it('creates a job through its organization, from a template', async () => {
      const res = await call(alice, `/organization/${ORG.platform}/job`, {
        method: 'POST',
        body: { data: { type: 'job', attributes: { templateReference: TEMPLATE.platformPlan, comments: 'try the new module' }, relationships: { workspace: { data: { type: 'workspace', id: WS.sandbox } } } } },
      });
      expect(res.status).toBe(201);
      expect(res.body.data.attributes).toMatchObject({ templateReference: TEMPLATE.platformPlan, comments: 'try the new module', status: 'pending' });
    });

    it("refuses what Elide and Terrakube's checks refuse", async () => {
      expectErrors(await create(alice, { command: 'plan', branch: 'main' }), 404, 'Unknown attribute &#39;branch&#39; in &#39;job&#39;');
      expectErrors(await create(alice, { command: 'plan', status: 'completed' }), 400, /starts pending/);
      expectErrors(await create(carol, { command: 'plan' }), 403, 'CreatePermission Denied');
      expectErrors(await create(alice, { command: 'plan', approvalTeam: 'PLATFORM_ADMINS' }), 403, 'CreatePermission Denied');
      expectErrors(await create(alice, { command: 'plan' }, WS.featureStore), 403, 'ReadPermission Denied');
      expectErrors(await create(alice, { command: 'plan' }, UNKNOWN), 404, `Unknown identifier ${UNKNOWN} for workspace`);
      const orgPost = (workspace: string | undefined) =>
        call(alice, `/organization/${ORG.platform}/job`, { method: 'POST', body: { data: { type: 'job', attributes: { command: 'plan' }, ...(workspace ? { relationships: { workspace: { data: { type: 'workspace', id: workspace } } } } : {}) } } });
      expectErrors(await orgPost(undefined), 400, /needs a workspace/);
      expectErrors(await orgPost(UNKNOWN), 404, `Unknown identifier ${UNKNOWN} for workspace`);
      const mismatch = await call(alice, `/workspace/${WS.sandbox}/job`, { method: 'POST', body: { data: { type: 'job', relationships: { workspace: { data: { type: 'workspace', id: WS.dns } } } } } });
      expectErrors(mismatch, 400, /not the workspace/);
      expect((await list(alice, `/workspace/${WS.sandbox}/job?filter[job]=id=gt=40`)).data).toEqual([]);
    });

    it('answers 415 for application/json, 400 for malformed JSON and 413 for a huge body, all in the errors shape', async () => {
      const path = `/workspace/${WS.sandbox}/job`;
      expectErrors(await call(alice, path, { method: 'POST', body: { data: { type: 'job' } }, headers: { 'content-type': 'application/json' } }), 415);
      expectErrors(await call(alice, path, { method: 'POST', body: '{"data": {', headers: VND }), 400);
      expectErrors(await call(alice, path, { method: 'POST', body: JSON.stringify({ data: { type: 'job', attributes: { comments: 'x'.repeat(1_100_000) } } }), headers: VND }), 413);
    });
  });

  describe('terrakube: job lifecycle', () => {
    it('moves a plan job pending → queue → running → pending → completed (or failed), with its step', async () => {
      const id = (await create(alice, { command: 'plan' })).body.data.id as string;
      await advance(10 * SECOND);
      expect((await job(id)).attributes['status']).toBe('queue');
      expect(await steps(id)).toEqual(['pending']);
      await advance(5 * SECOND);
      expect((await job(id)).attributes['status']).toBe('running');
      expect(await steps(id)).toEqual(['running']);
      await advance(30 * SECOND);
      const afterStep = (await job(id)).attributes['status'];
      expect(['pending', 'failed']).toContain(afterStep);
      await advance(10 * SECOND);
      const done = await job(id);
      if (afterStep === 'failed') {
        expect(await steps(id)).toEqual(['failed']);
        expect(done.attributes['status']).toBe('failed');
      } else {
        expect(await steps(id)).toEqual(['completed']);
        expect(done.attributes['status']).toBe('completed');
        expect(done.attributes['terraformPlan']).toMatch(/^https:\/\/terrakube-api\.platform\.local\/tfstate\/v1\/organization\//);
      }
    });

    it('runs the jobs of one workspace one at a time, in id order', async () => {
      const first = (await create(alice, { command: 'plan' })).body.data.id as string;
      const second = (await create(alice, { command: 'plan' })).body.data.id as string;
      await advance(15 * SECOND);
      expect((await job(first)).attributes['status']).toBe('running');
      expect((await job(second)).attributes['status']).toBe('pending');
      expect(await steps(second)).toEqual([]);
      await advance(60 * SECOND);
      expect(['completed', 'failed']).toContain((await job(first)).attributes['status']);
      await advance(30 * SECOND);
      expect((await job(second)).attributes['status']).not.toBe('pending');
    });

    it('continues an approved job with its apply step and clears approvalTeam', async () => {
      expect((await job(JOB.waiting)).attributes['approvalTeam']).toBe('PLATFORM_APPROVERS');
      expect((await patch(alice, JOB.waiting, { status: 'approved' })).status).toBe(204);
      expect((await job(JOB.waiting)).attributes['status']).toBe('approved');
      expect(await steps(JOB.waiting)).toEqual(['completed', 'completed', 'pending']);
      await advance(10 * SECOND);
      const queued = await job(JOB.waiting);
      expect(queued.attributes).toMatchObject({ status: 'queue', approvalTeam: '' });
      await advance(5 * SECOND);
      expect(await steps(JOB.waiting)).toEqual(['completed', 'completed', 'running']);
      await advance(70 * SECOND);
      expect(['completed', 'failed']).toContain((await job(JOB.waiting)).attributes['status']);
      await advance(10 * SECOND);
      expect((await job(JOB.queuedBehind)).attributes['status']).not.toBe('pending');
    });

    it('rejects a waiting job: its approval step is rejected, the rest failed, and the next job runs', async () => {
      expect((await patch(alice, JOB.waiting, { status: 'rejected' })).status).toBe(204);
      expect((await job(JOB.waiting)).attributes['status']).toBe('rejected');
      expect(await steps(JOB.waiting)).toEqual(['completed', 'rejected', 'failed']);
      expect((await job(JOB.queuedBehind)).attributes['status']).toBe('pending');
      await advance(10 * SECOND);
      expect((await job(JOB.queuedBehind)).attributes['status']).toBe('queue');
    });

    it('cancels a running job: the running step fails and nothing moves afterwards', async () => {
      expect((await patch(alice, JOB.runningApply, { status: 'cancelled' })).status).toBe(204);
      const before = await job(JOB.runningApply);
      expect(before.attributes['status']).toBe('cancelled');
      expect(await steps(JOB.runningApply)).toEqual(['completed', 'completed', 'failed']);
      await advance(2 * HOUR);
      expect((await job(JOB.runningApply)).attributes['status']).toBe('cancelled');
    });

    it("checks Terrakube's field permissions on PATCH", async () => {
      expectErrors(await patch(carol, JOB.waiting, { status: 'approved' }), 403, 'UpdatePermission Denied');
      expectErrors(await patch(carol, JOB.queued, { comments: 'not allowed' }), 403, 'UpdatePermission Denied');
      expectErrors(await patch(alice, JOB.queued, { approvalTeam: 'PLATFORM_ADMINS' }), 403, 'UpdatePermission Denied');
      // `team approve job` passes for any reader while approvalTeam is empty: a viewer can cancel.
      expect((await patch(carol, JOB.queued, { status: 'cancelled' })).status).toBe(204);
      expect((await patch(alice, JOB.history, { comments: 'annotated later' })).status).toBe(204);
      expect((await job(JOB.history)).attributes).toMatchObject({ comments: 'annotated later', updatedBy: alice.principal.id });
    });

    it('refuses status changes the lifecycle cannot make, and a data.id that is not the URL job', async () => {
      expectErrors(await patch(alice, JOB.history, { status: 'running' }), 400, /cannot change from/);
      expectErrors(await patch(alice, JOB.queued, { status: 'approved' }), 400, 'Invalid value: job status cannot change from queue to approved');
      expectErrors(await call(alice, orgJob(JOB.queued), { method: 'PATCH', body: { data: { type: 'job', id: '1', attributes: { status: 'cancelled' } } } }), 400, /Bad Request Body/);
      expect((await job(JOB.queued)).attributes['status']).toBe('queue');
      expectErrors(await patch(alice, '999999', { status: 'cancelled' }), 404);
      expectErrors(await patch(alice, JOB.dataWaiting, { status: 'approved' }, ORG.data), 403, 'ReadPermission Denied');
    });

    it('lets the data-science team approve its own waiting job', async () => {
      expect((await patch(bob, JOB.dataWaiting, { status: 'approved' }, ORG.data)).status).toBe(204);
      const res = await get(bob, orgJob(JOB.dataWaiting, ORG.data));
      expect(res.body.data.attributes.status).toBe('approved');
    });

    it('keeps a job of a locked workspace pending until the 6-hour limit fails it', async () => {
      await advance(HOUR);
      expect((await job(JOB.locked)).attributes['status']).toBe('pending');
      await advance(5 * HOUR);
      expect((await job(JOB.locked)).attributes['status']).toBe('failed');
    });

    it('completes a job created with planChanges=false without running it, steps notExecuted', async () => {
      const id = (await create(alice, { templateReference: TEMPLATE.platformPlanApply, planChanges: false })).body.data.id as string;
      await advance(10 * SECOND);
      expect((await job(id)).attributes['status']).toBe('completed');
      expect(await steps(id)).toEqual(['notExecuted', 'notExecuted', 'notExecuted']);
    });

    it('fails a job whose template does not exist when the scheduler picks it up', async () => {
      const id = (await create(alice, { templateReference: UNKNOWN })).body.data.id as string;
      expect((await job(id)).attributes['status']).toBe('pending');
      await advance(10 * SECOND);
      expect((await job(id)).attributes['status']).toBe('failed');
    });
  });

  describe('terrakube: delete a job', () => {
    it('deletes a job (204), after which it is gone and the next job of its workspace runs', async () => {
      const res = await call(alice, orgJob(JOB.waiting), { method: 'DELETE' });
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expectErrors(await get(alice, orgJob(JOB.waiting)), 404);
      await advance(10 * SECOND);
      expect((await job(JOB.queuedBehind)).attributes['status']).toBe('queue');
    });

    it('deletes through the workspace route, and answers 404 / 403 like GET', async () => {
      expect((await call(alice, `/workspace/${WS.networking}/job/1`, { method: 'DELETE' })).status).toBe(204);
      expectErrors(await call(alice, `/workspace/${WS.networking}/job/1`, { method: 'DELETE' }), 404, 'Unknown identifier 1 for job');
      expectErrors(await call(bob, orgJob('2'), { method: 'DELETE' }), 403, 'ReadPermission Denied');
    });
  });

  describe('terrakube: organizations and workspaces', () => {
    it('reads an organization and a workspace of it', async () => {
      const org = await get(alice, `/organization/${ORG.platform}`);
      expect(org.status).toBe(200);
      expect(org.body.data).toMatchObject({ type: 'organization', id: ORG.platform, attributes: { name: 'platform-engineering', disabled: false } });
      expect(org.body.data.relationships.workspace.data).toHaveLength(6);
      const ws = await get(alice, `/organization/${ORG.platform}/workspace/${WS.iam}`);
      expect(ws.body.data).toMatchObject({ type: 'workspace', id: WS.iam, attributes: { name: 'iam-baseline', locked: true } });
    });

    it('answers 403 outside the organization and 404 for what is not there', async () => {
      expectErrors(await get(bob, `/organization/${ORG.platform}`), 403, 'ReadPermission Denied');
      expectErrors(await get(alice, `/organization/${UNKNOWN}`), 404);
      expectErrors(await get(alice, `/organization/${ORG.platform}/workspace/${WS.featureStore}`), 404, `Unknown identifier ${WS.featureStore} for workspace`);
    });
  });

  describe('terrakube: errors outside the operations', () => {
    it('answers 405 with Allow for a method a path does not have, and 404 for an unknown path', async () => {
      const res = await call(alice, orgJob(JOB.history), { method: 'PUT', body: { data: { type: 'job', id: '1' } } });
      expectErrors(res, 405);
      expect(res.headers['allow']).toMatch(/GET/);
      expectErrors(await get(alice, `/organization/${ORG.platform}/module`), 404);
    });
  });
};
