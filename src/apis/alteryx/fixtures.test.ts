import { describe, expect, it } from 'vitest';
import spec from '../../generated/alteryx.spec.js';
import { renderFixtureFiles } from '../../fixtures/render-fixtures.js';
import { DEV_USERS } from './auth.js';
import { ANCHOR_JOB_ID, ANCHOR_WORKFLOW_ID, buildFixtures, ENQUEUE_WORKFLOW_ID } from './fixtures.js';
import { isObjectId } from './ids.js';
import { isConsistent } from './lifecycle.js';
import { loadFixtures, type JobView, type WorkflowRecord } from './store.js';

const ALICE = DEV_USERS[0]!.principal.id;

describe('alteryx: fixtures', () => {
  const files = buildFixtures(1);
  const workflows = files['workflows.json']!.items as WorkflowRecord[];
  const jobs = files['jobs.json']!.items as JobView[];
  const owners = new Map((files['job-owners.json']!.items as { jobId: string; ownerId: string }[]).map((o) => [o.jobId, o.ownerId]));

  it('are byte-identical for the same seed and differ for another', async () => {
    const once = await renderFixtureFiles('alteryx', spec, 1);
    const again = await renderFixtureFiles('alteryx', spec, 1);
    const other = await renderFixtureFiles('alteryx', spec, 2);
    expect([...again]).toEqual([...once]);
    expect(other.get('jobs.json')).not.toBe(once.get('jobs.json'));
  });

  it('validate against the spec (render-fixtures checks every item) for several seeds', async () => {
    for (const seed of [1, 2, 3, 99]) await expect(renderFixtureFiles('alteryx', spec, seed)).resolves.toBeInstanceOf(Map);
  });

  it('are what the store loads', () => {
    expect(loadFixtures()).toEqual({ workflows, jobs, owners: files['job-owners.json']!.items });
  });

  it('hold the spec examples: the seed job and the shared app, owned by alice, for every seed', () => {
    for (const seed of [1, 7]) {
      const f = buildFixtures(seed);
      const job = (f['jobs.json']!.items as JobView[]).find((j) => j.id === ANCHOR_JOB_ID);
      expect(job).toMatchObject({ appId: ANCHOR_WORKFLOW_ID, status: 'Completed', disposition: 'Success', createDateTime: '2024-09-19T10:02:54.589Z' });
      expect((f['job-owners.json']!.items as { jobId: string; ownerId: string }[]).find((o) => o.jobId === ANCHOR_JOB_ID)!.ownerId).toBe(ALICE);
      expect((f['workflows.json']!.items as WorkflowRecord[]).find((w) => w.id === ANCHOR_WORKFLOW_ID)).toMatchObject({ ownerId: ALICE, isShared: true });
    }
  });

  it("hold alice's app for the enqueue example, with no jobs, so enqueueing changes nothing a read example lists", () => {
    for (const seed of [1, 7]) {
      const f = buildFixtures(seed);
      expect((f['workflows.json']!.items as WorkflowRecord[]).find((w) => w.id === ENQUEUE_WORKFLOW_ID)).toMatchObject({ ownerId: ALICE, isApp: true });
      expect((f['jobs.json']!.items as JobView[]).some((j) => j.appId === ENQUEUE_WORKFLOW_ID)).toBe(false);
    }
  });

  it('cover every state of the lifecycle, with consistent dispositions', () => {
    const states = new Set(jobs.map((j) => `${j.status}/${j.disposition}`));
    for (const s of ['Queued/None', 'Running/None', 'Completed/Success', 'Completed/Warning', 'Completed/Error', 'Cancelled/Cancelled']) expect(states).toContain(s);
    for (const j of jobs) expect(isConsistent(j.status, j.disposition), j.id).toBe(true);
  });

  it('have unique ObjectIds, jobs in creation order, each with an owner and a known workflow', () => {
    const ids = [...workflows.map((w) => w.id), ...jobs.flatMap((j) => [j.id, ...j.outputs.map((o) => o.id)])];
    expect(ids.every(isObjectId)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const times = jobs.map((j) => Date.parse(j.createDateTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const j of jobs) {
      expect(owners.has(j.id)).toBe(true);
      expect(workflows.some((w) => w.id === j.appId)).toBe(true);
    }
  });

  it('give every dev user jobs, and alice more than a page of runs of the anchor app', () => {
    for (const u of DEV_USERS) expect([...owners.values()]).toContain(u.principal.id);
    expect(jobs.filter((j) => j.appId === ANCHOR_WORKFLOW_ID && owners.get(j.id) === ALICE).length).toBeGreaterThan(10);
    expect(workflows.some((w) => w.ownerId !== ALICE && w.isShared)).toBe(true);
    expect(workflows.some((w) => !w.isShared)).toBe(true);
  });

  it('keep the queued and running jobs just before the clock starts', () => {
    for (const j of jobs.filter((x) => x.status === 'Queued' || x.status === 'Running')) {
      expect(j.createDateTime.startsWith('2024-12-31T23:5')).toBe(true);
    }
  });
});
