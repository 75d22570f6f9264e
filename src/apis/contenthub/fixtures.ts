import { Faker, en } from '@faker-js/faker';
import { DEFAULT_START } from '../../state/clock.js';
import { createCollection } from '../../state/collection.js';
import { ENABLED_CULTURES } from './cultures.js';
import { recount } from './entities.js';
import { createTheme } from './fixture-catalog.js';
import { CONTRACT_JOBS, randomPlan, SCENARIOS, type JobPlan } from './fixture-plans.js';
import { FIRST_FIXTURE_ID } from './ids.js';
import { FAILURE_REASONS, PENDING_TOO_LONG, SYSTEM_USER_ID } from './lifecycle.js';
import type { FixtureFiles } from '../../fixtures/types.js';
import { SIMULATION_SCHEMA, type JobSimulation } from './load.js';
import type { DescriptionRecord, JobRecord, TargetRecord } from './records.js';
import { HOST_LINKS } from './links.js';
import { descriptionToApi, jobToApi, targetToApi } from './serialize.js';


/** Faker jobs after the scenarios, so every state is covered for all three users. */
const RANDOM_JOBS = 18;
const T0 = DEFAULT_START;
const IN_FLIGHT_SINCE = 3000;

interface Built {
  job: JobRecord;
  description: DescriptionRecord | null;
  simulation: JobSimulation;
}

function buildJob(faker: Faker, plan: JobPlan, firstId: number): Built {
  const owner = plan.owner.entityId;
  const n = plan.targets.length;
  const theme = createTheme(faker, plan.kind, n);
  const createdOn = T0 - plan.createdAgo;
  const startedOn = plan.startedAgo === undefined ? null : T0 - plan.startedAgo;
  const endedOn = plan.endedAgo === undefined ? null : T0 - plan.endedAgo;
  const modifiedOn = { Created: createdOn, Pending: T0 - (plan.pendingAgo ?? 0), InProgress: startedOn!, Completed: endedOn!, Cancelled: endedOn! }[plan.state];
  const version = { Created: 1, Pending: 2, InProgress: 3, Completed: 4, Cancelled: 4 }[plan.state];
  const failed = plan.targets.filter((p) => p.condition === 'Failure').length;
  const message = plan.expired ? PENDING_TOO_LONG : plan.state === 'Cancelled' ? `Cancelled by ${plan.owner.name}.` : failed > 0 && plan.state === 'Completed' ? `${failed} of ${n} targets failed.` : null;
  const meta = (id: number, on: number, modified: number, by: number, v: number) => ({ id, identifier: faker.string.alphanumeric(22), createdBy: owner, createdOn: on, modifiedBy: by, modifiedOn: modified, version: v });
  const job: JobRecord = {
    ...meta(firstId, createdOn, modifiedOn, plan.state === 'Created' ? owner : SYSTEM_USER_ID, version),
    type: plan.kind,
    state: plan.state,
    condition: plan.condition,
    title: new Map(Object.entries(theme.title)),
    message,
    startedOn,
    endedOn,
    targetCount: 0,
    targetsCompleted: 0,
    targetsFailed: 0,
    readers: (plan.readers ?? []).map((u) => u.entityId),
    pickupDelayMs: null,
    pendingSince: null,
    workerTarget: null,
    descriptionId: plan.description ? firstId + 1 : null,
    targets: createCollection<TargetRecord>(),
  };
  const completed = plan.targets.filter((p) => p.state === 'Completed').length;
  const runEnd = plan.state === 'InProgress' ? T0 - IN_FLIGHT_SINCE : (endedOn ?? T0);
  const slot = startedOn === null ? 0 : Math.floor((runEnd - startedOn) / Math.max(1, completed));
  let done = 0;
  plan.targets.forEach((p, i) => {
    const id = firstId + (plan.description ? 2 : 1) + i;
    const created = createdOn + 1000 + i * 200;
    let started: number | null = null;
    let ended: number | null = null;
    if (p.state === 'Completed') {
      started = startedOn! + done * slot;
      ended = started + Math.floor(slot * 0.8);
      done++;
    } else if (p.state === 'InProgress') started = p.heldByClient ? null : T0 - IN_FLIGHT_SINCE;
    else if (p.state === 'Cancelled') ended = endedOn;
    // A target a client took over was last changed by its owner, when the job started; the worker's, by the system user.
    const changed = p.heldByClient ? startedOn : (ended ?? started);
    const by = changed === null || p.heldByClient ? owner : SYSTEM_USER_ID;
    const target: TargetRecord = {
      ...meta(id, created, changed ?? created, by, p.state === 'Pending' ? 1 : p.state === 'InProgress' ? 2 : 3),
      jobId: job.id,
      state: p.state,
      condition: p.condition,
      location: theme.location(i),
      message: p.condition === 'Failure' ? new Map(Object.entries(faker.helpers.arrayElement(FAILURE_REASONS))) : new Map(),
      startedOn: started,
      endedOn: ended,
      entityId: faker.number.int({ min: 10_000, max: 30_000 }),
    };
    job.targets.set(String(id), target);
  });
  recount(job);
  const running = plan.state === 'InProgress' || plan.state === 'Completed' || plan.state === 'Cancelled';
  const description: DescriptionRecord | null = plan.description
    ? { ...meta(firstId + 1, createdOn + 500, createdOn + 500, owner, 1), jobId: job.id, configuration: theme.configuration, progress: running && !plan.expired ? { processed: completed, total: n } : null }
    : null;
  const simulation = { job_id: job.id, readers: job.readers, pickup_delay_ms: plan.pickupDelayMs === undefined ? 60_000 : plan.pickupDelayMs };
  return { job, description, simulation };
}

/** The fixture files for a seed: same seed, same bytes. Every record is what the API returns for it. */
export function buildFixtures(seed: number): FixtureFiles {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  faker.setDefaultRefDate(T0);
  const built: Built[] = [];
  let next = FIRST_FIXTURE_ID;
  const add = (plan: JobPlan) => {
    built.push(buildJob(faker, plan, next));
    next += 1 + (plan.description ? 1 : 0) + plan.targets.length;
  };
  // Scenarios first: their texts do not move when the random jobs change.
  SCENARIOS.forEach(add);
  for (let i = 0; i < RANDOM_JOBS; i++) add(randomPlan(faker));
  // Contract-run jobs last: adding them moved nothing above.
  CONTRACT_JOBS.forEach(add);
  const all = ENABLED_CULTURES;
  return {
    'jobs.json': { schema: 'Job', items: built.map((b) => jobToApi(b.job, all, HOST_LINKS)) },
    'descriptions.json': { schema: 'JobDescription', items: built.flatMap((b) => (b.description ? [descriptionToApi(b.description, all, HOST_LINKS)] : [])) },
    'targets.json': { schema: 'JobTarget', items: built.flatMap((b) => [...b.job.targets.values()].map((t) => targetToApi(t, all, HOST_LINKS))) },
    'job-simulation.json': { schema: SIMULATION_SCHEMA, items: built.map((b) => b.simulation) },
  };
}
