import { describe, expect, it } from 'vitest';
import spec from '../../generated/exabyte.spec.js';
import generated from '../../generated/exabyte.fixtures.js';
import { renderFixtureFiles } from '../../fixtures/render-fixtures.js';
import type { OpenApiDocument } from '../../spec/openapi-types.js';
import { DEFAULT_START } from '../../state/clock.js';
import { buildFixtures } from './fixtures.js';
import { jobProblems } from './job-checks.js';
import type { Job } from './lifecycle.js';
import { PINNED_JOBS } from './pinned-jobs.js';
import { USERS } from './users.js';

const jobs = buildFixtures(1)['jobs.json']!.items as Job[];
const examples = (spec as OpenApiDocument).components!.examples as Record<string, { value: { data: unknown } }>;

describe('exabyte: fixtures', () => {
  it('are byte-identical for the same seed and differ for another', async () => {
    const [a, b, c] = await Promise.all([1, 1, 2].map((seed) => renderFixtureFiles('exabyte', spec as OpenApiDocument, seed)));
    expect(a).toEqual(b);
    expect(a!.get('jobs.json')).not.toBe(c!.get('jobs.json'));
  });

  it('are what the committed, generated module holds (seed 1)', () => {
    expect(generated['jobs.json']).toEqual(JSON.parse(JSON.stringify(jobs)));
  });

  it('show every status of the lifecycle for each development user', () => {
    for (const user of USERS) {
      const statuses = new Set(jobs.filter((j) => j.owner._id === user.id).map((j) => j.status));
      for (const s of ['pre-submission', 'submitted', 'queued', 'active', 'finished', 'error', 'timeout', 'terminate-queued', 'terminated']) {
        expect(statuses.has(s as Job['status']), `${user.username} ${s}`).toBe(true);
      }
    }
  });

  it('have consistent histories, all before the clock starts, with unique ids', () => {
    expect(jobs.flatMap(jobProblems)).toEqual([]);
    expect(new Set(jobs.map((j) => j._id)).size).toBe(jobs.length);
    for (const job of jobs) expect(job.statusTrack.at(-1)!.trackedAt).toBeLessThan(DEFAULT_START);
    expect(jobs.filter((j) => j.status === 'error').every((j) => (j.compute.errors ?? []).length === 1)).toBe(true);
  });

  it("hold the spec's example jobs exactly, owned by the first user, and not the notFound id", () => {
    for (const pinned of PINNED_JOBS) expect(jobs.find((j) => j._id === pinned._id)).toEqual(pinned);
    expect(examples.PreSubmissionJob!.value.data).toEqual(PINNED_JOBS[0]);
    expect((examples.FinishedJobs!.value.data as unknown[])[0]).toEqual(PINNED_JOBS[1]);
    expect(PINNED_JOBS.every((j) => j.owner._id === USERS[0]!.id)).toBe(true);
    expect(jobs.some((j) => j._id === 'NoSuchJobXYZ23456')).toBe(false);
  });

  it('give the first user more than two pages of the default 20', () => {
    expect(jobs.filter((j) => j.owner._id === USERS[0]!.id).length).toBeGreaterThan(40);
  });
});
