import type { Faker } from '@faker-js/faker';
import { ADMINISTRATOR, ALICE, BOB, type ContentHubUser } from './auth.js';
import { JOB_KINDS, type JobKind } from './fixture-catalog.js';
import { JOB_PAIRS, type JobCondition, type JobState, type TargetCondition, type TargetState } from './records.js';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

export interface TargetPlan {
  state: TargetState;
  condition: TargetCondition;
  /** InProgress set by a client, not the worker: no Target.StartedOn, and the job waits for the client to finish it. */
  heldByClient?: boolean;
}

/** A fixture job, with times as ms before the fixture epoch (the default clock start). */
export interface JobPlan {
  owner: ContentHubUser;
  kind: JobKind;
  state: JobState;
  condition: JobCondition;
  createdAgo: number;
  startedAgo?: number;
  endedAgo?: number;
  pendingAgo?: number;
  readers?: ContentHubUser[];
  pickupDelayMs?: number | null;
  description: boolean;
  targets: TargetPlan[];
  /** The job failed because it was pending too long (its targets never ran). */
  expired?: boolean;
}

const t = (state: TargetState, condition: TargetCondition, count = 1): TargetPlan[] => Array.from({ length: count }, () => ({ state, condition }));
const done = (count: number, failedAt: number[] = []): TargetPlan[] =>
  Array.from({ length: count }, (_, i) => (failedAt.includes(i) ? { state: 'Completed', condition: 'Failure' } : { state: 'Completed', condition: 'Success' }));

/**
 * The scenario jobs, in id order (ids are handed out job, description, targets). Their ids are in the
 * spec's examples and the conformance suite, so their shape is fixed: only texts come from faker.
 * 39309 alice running 60 targets · 39371 bob private · 39376 bob shared with alice · 39383 alice stuck
 * Pending 47 h · 39389 alice Created, no description · 39393 alice failed · 39399 alice cancelled ·
 * 39405 alice queued, picked up in 5 min · then administrator's private job and a bob job that expired.
 */
export const SCENARIOS: readonly JobPlan[] = [
  { owner: ALICE, kind: 'Processing', state: 'InProgress', condition: 'None', createdAgo: 40 * MIN, startedAgo: 25 * MIN, description: true, targets: [...done(25, [3, 17]), ...t('InProgress', 'None'), ...t('Pending', 'Pending', 34)] },
  { owner: BOB, kind: 'Export', state: 'Completed', condition: 'Success', createdAgo: 3 * D, startedAgo: 3 * D - 2 * MIN, endedAgo: 3 * D - 9 * MIN, description: true, targets: done(3) },
  { owner: BOB, kind: 'MassEdit', state: 'InProgress', condition: 'None', createdAgo: 20 * MIN, startedAgo: 12 * MIN, readers: [ALICE], description: true, targets: [...done(2), ...t('InProgress', 'None'), ...t('Pending', 'Pending', 2)] },
  { owner: ALICE, kind: 'Import', state: 'Pending', condition: 'Pending', createdAgo: 47 * H + 30 * S, pendingAgo: 47 * H, pickupDelayMs: null, description: true, targets: t('Pending', 'Pending', 4) },
  { owner: ALICE, kind: 'Download', state: 'Created', condition: 'Pending', createdAgo: 10 * S, pickupDelayMs: 2 * MIN, description: false, targets: t('Pending', 'Pending', 3) },
  { owner: ALICE, kind: 'Processing', state: 'Completed', condition: 'Failure', createdAgo: 2 * D, startedAgo: 2 * D - MIN, endedAgo: 2 * D - 6 * MIN, description: true, targets: done(4, [2]) },
  { owner: ALICE, kind: 'Export', state: 'Cancelled', condition: 'Cancelled', createdAgo: 5 * H, startedAgo: 5 * H - MIN, endedAgo: 5 * H - 4 * MIN, description: true, targets: [...done(2), ...t('Cancelled', 'Cancelled', 2)] },
  { owner: ALICE, kind: 'Import', state: 'Pending', condition: 'Pending', createdAgo: 10 * MIN + 30 * S, pendingAgo: 10 * MIN, pickupDelayMs: 15 * MIN, description: true, targets: t('Pending', 'Pending', 3) },
  { owner: ADMINISTRATOR, kind: 'Processing', state: 'Completed', condition: 'Success', createdAgo: 6 * D, startedAgo: 6 * D - MIN, endedAgo: 6 * D - 3 * MIN, description: true, targets: done(2) },
  { owner: BOB, kind: 'Import', state: 'Completed', condition: 'Failure', createdAgo: 4 * D, pendingAgo: 4 * D - 30 * S, endedAgo: 2 * D - 30 * S, expired: true, description: true, targets: t('Pending', 'Pending', 2) },
];

/**
 * Jobs for contract runs (`jobs-kit contract`), after the faker jobs so nothing before them moves. Each
 * writing example of the spec that changes state has records of its own, so the examples also pass in
 * spec order without resets (`--no-admin`, or a real server seeded like this):
 * 39515 alice running, its worker idle (its one open target is held by a client), so targets created on it
 * run at once: the bulk-create example and flow · 39519 alice finished, no description: the description
 * 404 examples · 39521 alice finished: the description and target delete examples.
 */
export const CONTRACT_JOBS: readonly JobPlan[] = [
  { owner: ALICE, kind: 'Processing', state: 'InProgress', condition: 'None', createdAgo: 30 * MIN, startedAgo: 25 * MIN, description: true, targets: [...done(1), { state: 'InProgress', condition: 'None', heldByClient: true }] },
  { owner: ALICE, kind: 'Export', state: 'Completed', condition: 'Success', createdAgo: 3 * H, startedAgo: 3 * H - MIN, endedAgo: 3 * H - 5 * MIN, description: false, targets: done(1) },
  { owner: ALICE, kind: 'MassEdit', state: 'Completed', condition: 'Success', createdAgo: 2 * H, startedAgo: 2 * H - MIN, endedAgo: 2 * H - 4 * MIN, description: true, targets: done(1) },
];

function runningTargets(faker: Faker, count: number): TargetPlan[] {
  if (count === 0) return [];
  const completed = faker.number.int({ min: 0, max: count - 1 });
  const finished = Array.from({ length: completed }, () => (faker.datatype.boolean(0.1) ? { state: 'Completed', condition: 'Failure' } : { state: 'Completed', condition: 'Success' }) as TargetPlan);
  return [...finished, ...t('InProgress', 'None'), ...t('Pending', 'Pending', count - completed - 1)];
}

/** A faker-made job in any state, with targets that agree with it. */
export function randomPlan(faker: Faker): JobPlan {
  const owner = faker.helpers.weightedArrayElement([
    { weight: 5, value: ALICE },
    { weight: 3, value: BOB },
    { weight: 1, value: ADMINISTRATOR },
  ]);
  const [state, condition] = faker.helpers.arrayElement(JOB_PAIRS);
  const kind = faker.helpers.arrayElement(JOB_KINDS);
  const count = faker.number.int({ min: 1, max: 8 });
  const other = owner === ALICE ? BOB : ALICE;
  const base = { owner, kind, state, condition, description: faker.datatype.boolean(0.8), readers: faker.datatype.boolean(0.3) ? [other] : [] };
  if (state === 'Created') return { ...base, createdAgo: faker.number.int({ min: 5, max: 25 }) * S, targets: t('Pending', 'Pending', count) };
  if (state === 'Pending') {
    const pendingAgo = faker.number.int({ min: 1, max: 30 * 60 }) * MIN;
    const pickupDelayMs = faker.datatype.boolean(0.2) ? null : pendingAgo + faker.number.int({ min: 1, max: 20 }) * MIN;
    return { ...base, createdAgo: pendingAgo + 30 * S, pendingAgo, pickupDelayMs, targets: t('Pending', 'Pending', count) };
  }
  if (state === 'InProgress') {
    const startedAgo = faker.number.int({ min: 2, max: 60 }) * MIN;
    return { ...base, createdAgo: startedAgo + 2 * MIN, startedAgo, targets: runningTargets(faker, count) };
  }
  const endedAgo = faker.number.int({ min: 1, max: 5 * 24 }) * H;
  const startedAgo = endedAgo + faker.number.int({ min: 1, max: 30 }) * MIN;
  const timing = { createdAgo: startedAgo + 2 * MIN, startedAgo, endedAgo };
  if (state === 'Cancelled') {
    const completed = faker.number.int({ min: 0, max: count });
    return { ...base, ...timing, targets: [...done(completed), ...t('Cancelled', 'Cancelled', count - completed)] };
  }
  if (condition === 'Success') return { ...base, ...timing, targets: done(count) };
  const failures = Math.max(1, Math.floor(count / 3));
  return { ...base, ...timing, targets: done(Math.max(count, 1), Array.from({ length: failures }, (_, i) => i * 3)) };
}
