import { Faker, en } from '@faker-js/faker';
import type { components } from '../../generated/exabyte.js';
import { DEFAULT_START } from '../../state/clock.js';
import type { FixtureFiles } from '../../fixtures/types.js';
import { METEOR_ID_ALPHABET, METEOR_ID_LENGTH } from './ids.js';
import { defaultJobName } from './job-name.js';
import { DEFAULT_CLUSTER, runError, timeLimitMs, type Job, type JobStatus } from './lifecycle.js';
import { PINNED_JOBS } from './pinned-jobs.js';
import { accountReference, USERS, type ExabyteUser } from './users.js';

type Queue = components['schemas']['Compute']['queue'];
type EntityReference = components['schemas']['EntityReference'];

const MATERIALS = [
  ['Si', 'silicon-fcc'], ['GaAs', 'gallium-arsenide'], ['TiO2', 'titanium-dioxide-anatase'], ['C', 'graphene'],
  ['MoS2', 'molybdenum-disulfide-2h'], ['Cu', 'copper-fcc'], ['Fe', 'iron-bcc'], ['NaCl', 'rock-salt'],
  ['ZnO', 'zinc-oxide-wurtzite'], ['BN', 'hexagonal-boron-nitride'], ['SiC', 'silicon-carbide-4h'],
  ['CsPbI3', 'cesium-lead-iodide-cubic'], ['LiFePO4', 'lithium-iron-phosphate'], ['AlN', 'aluminium-nitride'],
] as const;
const WORKFLOWS = ['Total Energy', 'Band Structure', 'Band Gap', 'Density of States', 'Variable-cell Relaxation',
  'Phonon Dispersions', 'Elastic Constants', 'Zero Point Energy', 'Band Structure + Density of States'] as const;
const PROJECTS = ['perovskite-screening', '2d-materials', 'battery-cathodes', 'convergence-studies'] as const;
const CLUSTERS = [DEFAULT_CLUSTER, 'cluster-002.mat3ra.com', 'AWS-cluster-001'] as const;
const QUEUES: readonly Queue[] = ['D', 'OR', 'OF', 'SR', 'SF', 'GOF'];
const TIME_LIMITS = ['00:30:00', '01:00:00', '02:00:00', '04:00:00', '12:00:00'] as const;
const WEIGHTED_STATUSES: ReadonlyArray<{ weight: number; value: JobStatus }> = [
  { weight: 50, value: 'finished' }, { weight: 15, value: 'pre-submission' }, { weight: 10, value: 'error' },
  { weight: 8, value: 'timeout' }, { weight: 5, value: 'terminated' }, { weight: 4, value: 'active' },
  { weight: 3, value: 'queued' }, { weight: 3, value: 'submitted' }, { weight: 2, value: 'terminate-queued' },
];
/** Every status a job can be answered in, so each user's fixtures show each at least once. */
const ALL_STATUSES: readonly JobStatus[] = ['pre-submission', 'submitted', 'queued', 'active', 'finished', 'error', 'timeout', 'terminate-queued', 'terminated'];
/** The statuses a job passes through to reach each one. */
const PATHS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  'pre-submission': [], submitted: ['submitted'], queued: ['submitted', 'queued'], active: ['submitted', 'queued', 'active'],
  finished: ['submitted', 'queued', 'active', 'finished'], error: ['submitted', 'queued', 'active', 'error'],
  timeout: ['submitted', 'queued', 'active', 'timeout'], 'terminate-queued': ['submitted', 'queued', 'active', 'terminate-queued'],
  terminated: ['submitted', 'queued', 'active', 'terminate-queued', 'terminated'], deleted: [],
};
const JOBS_PER_USER = [42, 12];

function createJobFactory(faker: Faker) {
  const taken = new Set<string>([...PINNED_JOBS.map((j) => j._id), 'NoSuchJobXYZ23456']);
  const newId = () => {
    for (;;) {
      const id = faker.string.fromCharacters(METEOR_ID_ALPHABET, METEOR_ID_LENGTH);
      if (taken.has(id)) continue;
      taken.add(id);
      return id;
    }
  };
  const materials = MATERIALS.map(([formula, slug]) => ({ formula, ref: { _id: newId(), cls: 'Material', slug } }));
  const workflows = WORKFLOWS.map((name) => ({ _id: newId(), name, cls: 'Workflow' }));
  const projects = PROJECTS.map((slug) => ({ _id: newId(), cls: 'Project', slug }));

  /** How long (ms) the job stays in the status before `to`. */
  const stepMs = (to: JobStatus, limitMs: number): number => {
    if (to === 'submitted') return faker.number.int({ min: 60_000, max: 3 * 86_400_000 });
    if (to === 'queued') return faker.number.int({ min: 2_000, max: 10_000 });
    if (to === 'active') return faker.number.int({ min: 10_000, max: 120_000 });
    if (to === 'finished') return faker.number.int({ min: 60_000, max: Math.min(limitMs, 4_500_000) });
    if (to === 'error') return faker.number.int({ min: 10_000, max: Math.min(limitMs, 1_800_000) });
    if (to === 'timeout') return limitMs;
    if (to === 'terminate-queued') return faker.number.int({ min: 60_000, max: Math.min(limitMs, 1_800_000) });
    return faker.number.int({ min: 5_000, max: 30_000 });
  };

  return (user: ExabyteUser, status: JobStatus): Job => {
    const material = faker.helpers.arrayElement(materials);
    const workflow = faker.helpers.arrayElement(workflows);
    const timeLimit = faker.helpers.arrayElement(TIME_LIMITS);
    const limitMs = timeLimitMs(timeLimit);
    const steps = PATHS[status].map((to) => ({ to, ms: stepMs(to, limitMs) }));
    const total = steps.reduce((sum, s) => sum + s.ms, 0);
    // Everything happened before the clock starts, so fixtures never sit in the future.
    let at = faker.date.between({ from: DEFAULT_START - 60 * 86_400_000 - total, to: DEFAULT_START - total - 60_000 }).getTime();
    const statusTrack = [{ trackedAt: at, status: 'pre-submission' as JobStatus }];
    const createdAt = new Date(at).toISOString();
    let startTime: string | undefined;
    for (const step of steps) {
      at += step.ms;
      statusTrack.push({ trackedAt: at, status: step.to });
      if (step.to === 'active') startTime = new Date(at).toISOString();
    }
    const fqdn = faker.helpers.arrayElement(CLUSTERS);
    const reached = (s: JobStatus) => statusTrack.some((t) => t.status === s);
    const compute: Job['compute'] = {
      queue: faker.helpers.arrayElement(QUEUES),
      nodes: faker.helpers.weightedArrayElement([{ weight: 4, value: 1 }, { weight: 1, value: 2 }]),
      ppn: faker.helpers.arrayElement([1, 2, 4, 8, 16, 36]),
      timeLimit,
      notify: faker.helpers.arrayElement(['n', 'abe', 'ae']),
      cluster: reached('queued') ? { fqdn, jid: `${faker.number.int({ min: 1_000, max: 99_999 })}.${fqdn}` } : { fqdn },
    };
    if (status === 'error') compute.errors = [runError(faker.number.int(1_000))];
    const multi = faker.datatype.boolean(0.05);
    const job: Job = {
      _id: newId(),
      name: status === 'pre-submission' && faker.datatype.boolean(0.4) ? defaultJobName(statusTrack[0]!.trackedAt) : `${material.formula} ${workflow.name.toLowerCase()}`,
      status,
      statusTrack,
      createdAt,
      updatedAt: new Date(at).toISOString(),
      compute,
      _project: faker.datatype.boolean(0.7) ? user.defaultProject : faker.helpers.arrayElement(projects),
      workflow,
      owner: accountReference(user),
      creator: accountReference(user),
    };
    if (startTime) job.startTime = startTime;
    if (multi) job._materials = faker.helpers.arrayElements(materials, 2).map((m): EntityReference => m.ref);
    else job._material = material.ref;
    if (faker.datatype.boolean(0.2)) job.tags = faker.helpers.arrayElements(['production', 'convergence', 'benchmark', 'paper-2025'], { min: 1, max: 2 });
    return job;
  };
}

/**
 * Exabyte fixtures: jobs of both development accounts across every status, with the jobs the spec's
 * examples name, in creation order (Mongo's natural order).
 */
export function buildFixtures(seed: number): FixtureFiles {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  faker.setDefaultRefDate(new Date(DEFAULT_START));
  const createJob = createJobFactory(faker);
  const jobs: Job[] = structuredClone([...PINNED_JOBS]);
  USERS.forEach((user, u) => {
    const count = JOBS_PER_USER[u] ?? 10;
    for (let i = 0; i < count; i++) {
      const status = i < ALL_STATUSES.length ? ALL_STATUSES[i]! : faker.helpers.weightedArrayElement(WEIGHTED_STATUSES);
      jobs.push(createJob(user, status));
    }
  });
  jobs.sort((a, b) => a.statusTrack[0]!.trackedAt - b.statusTrack[0]!.trackedAt);
  return { 'jobs.json': { schema: 'Job', items: jobs } };
}
