import { describe, expect, it } from 'vitest';
import { renderFixtureFiles } from '../../fixtures/render-fixtures.js';
import type { components } from '../../generated/iot.js';
import spec from '../../generated/iot.spec.js';
import { FIXTURE_ACCOUNT } from './auth.js';
import { buildFixtures, EXAMPLE_IDS } from './fixtures.js';

type Schemas = components['schemas'];

describe('iot: fixtures', () => {
  const files = buildFixtures(1);
  const jobs = files['jobs.json']!.items as Schemas['Job'][];
  const executions = files['jobExecutions.json']!.items as Schemas['JobExecution'][];

  it('are the same for the same seed and differ for another', () => {
    expect(JSON.stringify(buildFixtures(1))).toBe(JSON.stringify(files));
    expect(JSON.stringify(buildFixtures(2))).not.toBe(JSON.stringify(files));
  });

  it('validate against the spec (and the kit schemas) as the generator checks them', async () => {
    const rendered = await renderFixtureFiles('iot', spec, 1);
    expect([...rendered.keys()].sort()).toEqual(['jobDocuments.json', 'jobExecutions.json', 'jobTemplates.json', 'jobs.json', 'thingGroups.json', 'things.json']);
  });

  it('cover every job status and every execution status, in both selections', () => {
    expect(new Set(jobs.map((j) => j.status))).toEqual(new Set(['IN_PROGRESS', 'CANCELED', 'COMPLETED', 'DELETION_IN_PROGRESS']));
    expect(new Set(executions.map((e) => e.status))).toEqual(new Set(['QUEUED', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'REJECTED', 'REMOVED', 'CANCELED']));
    expect(new Set(jobs.map((j) => j.targetSelection))).toEqual(new Set(['SNAPSHOT', 'CONTINUOUS']));
    expect(executions.some((e) => e.forceCanceled)).toBe(true);
  });

  it("hold the ids the spec's examples use, in the first dev user's account", () => {
    const ids = jobs.filter((j) => j.jobArn.includes(`:${FIXTURE_ACCOUNT}:`)).map((j) => j.jobId);
    const jobIds = [EXAMPLE_IDS.rolloutJob, EXAMPLE_IDS.continuousJob, EXAMPLE_IDS.completedJob, EXAMPLE_IDS.updatedJob, EXAMPLE_IDS.canceledJob, EXAMPLE_IDS.canceledExecutionJob, EXAMPLE_IDS.deletedJob, EXAMPLE_IDS.deletedExecutionJob];
    for (const id of jobIds) expect(ids).toContain(id);
    const templates = (files['jobTemplates.json']!.items as Schemas['JobTemplate'][]).map((t) => t.jobTemplateId);
    for (const id of [EXAMPLE_IDS.template, EXAMPLE_IDS.deletedTemplate]) expect(templates).toContain(id);
  });

  it('give each state-changing success example a record in the state it needs', () => {
    const status = (id: string) => jobs.find((j) => j.jobId === id)?.status;
    const execution = (jobId: string, thing: string) => executions.find((e) => e.jobId === jobId && e.thingArn.endsWith(`:thing/${thing}`));
    expect(status(EXAMPLE_IDS.updatedJob)).toBe('IN_PROGRESS');
    expect(status(EXAMPLE_IDS.canceledJob)).toBe('IN_PROGRESS');
    expect(execution(EXAMPLE_IDS.canceledExecutionJob, 'warehouse-sensor-05')).toMatchObject({ status: 'QUEUED', versionNumber: 1 });
    expect(status(EXAMPLE_IDS.deletedJob)).toBe('COMPLETED');
    expect(execution(EXAMPLE_IDS.deletedExecutionJob, 'warehouse-sensor-02')).toMatchObject({ status: 'FAILED', executionNumber: 1 });
  });

  it('list jobs in the order they were created', () => {
    const created = jobs.map((j) => j.createdAt);
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });
});
