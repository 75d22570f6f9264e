/**
 * Seeded fixtures: a device fleet (things in thing groups), job templates, and jobs in every job
 * and execution status, for two AWS accounts (the dev users' 123456789012 and carol's 210987654321)
 * in us-east-1. The spec's success examples use the anchor ids below; everything else is faker.
 */
import { Faker, en } from '@faker-js/faker';
import type { FixtureFiles } from '../../fixtures/types.js';
import type { components } from '../../generated/iot.js';
import { DEFAULT_START } from '../../state/clock.js';
import { FIXTURE_ACCOUNT, OTHER_ACCOUNT } from './auth.js';
import { buildJob, planStatuses, type BuiltJob, type JobPlan } from './fixture-jobs.js';
import { templateFor, OPERATIONS, type Operation } from './fixture-operations.js';
import { arnOf, DEFAULT_REGION, toEpochSeconds, type Scope } from './ids.js';
import { RECORD_SCHEMAS, type IotRecords, type ThingFixture } from './record-schemas.js';
import type { JobStatus, TargetSelection } from './store.js';

/** Ids the spec's examples use; they belong to the first dev user's account. */
export const EXAMPLE_IDS = {
  rolloutJob: 'firmware-rollout-2025-01',
  continuousJob: 'config-sync-continuous',
  completedJob: 'cert-rotation-2024-12',
  template: 'ota-firmware-template',
  lobbyGroup: 'lobby-thermostats',
  warehouseGroup: 'warehouse-sensors',
  cameraGroup: 'loading-dock-cameras',
  /**
   * Records that exactly one state-changing success example uses, so the examples can run one after
   * another against a server that is never reset (`jobs-kit contract --no-admin`, a real account).
   */
  updatedJob: 'dock-camera-firmware-2024-12',
  canceledJob: 'sensor-recalibration-2024-12',
  canceledExecutionJob: 'sensor-log-upload-2024-12',
  deletedJob: 'camera-reboot-2024-11',
  deletedExecutionJob: 'sensor-agent-upgrade-2024-11',
  deletedTemplate: 'legacy-reboot-template',
} as const;

const A: Scope = { account: FIXTURE_ACCOUNT, region: DEFAULT_REGION };
const B: Scope = { account: OTHER_ACCOUNT, region: DEFAULT_REGION };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DEVICE_TYPES = ['gateway', 'meter', 'sensor', 'controller', 'valve', 'charger', 'camera', 'thermostat'];

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const pad = (n: number) => String(n).padStart(2, '0');

type Records = Required<IotRecords>;

function addGroup(records: Records, f: Faker, scope: Scope, name: string, thingNames: string[]): ThingFixture[] {
  const things = thingNames.map((thingName) => ({ thingName, thingArn: arnOf(scope, 'thing', thingName) }));
  records.things.push(...things);
  records.thingGroups.push({ thingGroupName: name, thingGroupArn: arnOf(scope, 'thinggroup', name), thingGroupId: f.string.uuid(), things: thingNames });
  return things;
}

/** Faker groups `<city>-<type>s` with members `<type>-<city>-NN`. */
function fakerGroups(records: Records, f: Faker, scope: Scope, count: number): { name: string; type: string; things: ThingFixture[] }[] {
  const taken = new Set(records.thingGroups.map((g) => g.thingGroupName));
  const out = [];
  while (out.length < count) {
    const type = f.helpers.arrayElement(DEVICE_TYPES);
    const city = slug(f.location.city());
    const name = `${city}-${type}s`;
    if (taken.has(name)) continue;
    taken.add(name);
    const size = f.number.int({ min: 3, max: 6 });
    out.push({ name, type, things: addGroup(records, f, scope, name, Array.from({ length: size }, (_, i) => `${type}-${city}-${pad(i + 1)}`)) });
  }
  return out;
}

interface JobShape {
  status: JobStatus;
  selection?: TargetSelection;
  forced?: boolean;
}

/** One of each lifecycle situation, repeated: every job and execution status appears. */
const SHAPES: JobShape[] = [
  { status: 'COMPLETED' }, { status: 'COMPLETED' }, { status: 'CANCELED' }, { status: 'IN_PROGRESS' },
  { status: 'COMPLETED' }, { status: 'CANCELED', forced: true }, { status: 'DELETION_IN_PROGRESS' }, { status: 'IN_PROGRESS', selection: 'CONTINUOUS' },
];

function fakerJobs(f: Faker, scope: Scope, groups: ReturnType<typeof fakerGroups>, count: number, now: number): JobPlan[] {
  const taken = new Set<string>(Object.values(EXAMPLE_IDS));
  const plans: JobPlan[] = [];
  for (let i = 0; i < count; i++) {
    const shape = SHAPES[i % SHAPES.length]!;
    const selection = shape.selection ?? 'SNAPSHOT';
    const group = f.helpers.arrayElement(groups);
    const operation: Operation = f.helpers.arrayElement(OPERATIONS);
    const byGroup = selection === 'CONTINUOUS' || f.datatype.boolean({ probability: 0.7 });
    const things = byGroup ? group.things : f.helpers.arrayElements(group.things, { min: 1, max: 3 });
    const createdAt = shape.status === 'IN_PROGRESS' ? now - f.number.int({ min: 2 * HOUR, max: 20 * HOUR }) : now - f.number.int({ min: 2 * DAY, max: 60 * DAY });
    const day = new Date(createdAt).toISOString().slice(0, 10).replace(/-/g, '');
    let jobId = `${operation.slug}-${group.type}s-${day}`;
    for (let n = 2; taken.has(jobId); n++) jobId = `${operation.slug}-${group.type}s-${day}-${n}`;
    taken.add(jobId);
    const config = operation.config(f);
    const statuses = planStatuses(f, shape.status, selection, things.length, { hasTimeout: config.timeoutConfig !== undefined, forced: shape.forced === true });
    plans.push({
      jobId,
      jobArn: arnOf(scope, 'job', jobId),
      targets: byGroup ? [arnOf(scope, 'thinggroup', group.name)] : things.map((t) => t.thingArn),
      targetSelection: selection,
      status: shape.status,
      createdAt,
      document: operation.document(f, group.type),
      description: operation.describe(f, group.type),
      config,
      ...(shape.status === 'CANCELED' ? { reasonCode: f.helpers.arrayElement(['SUPERSEDED', 'WRONG_TARGETS', 'ROLLBACK']), comment: f.helpers.arrayElement(['Superseded by a newer release', 'Targeted the wrong devices', 'Rolled back after failures in the field']) } : {}),
      ...(shape.forced ? { forceCanceled: true } : {}),
      executions: statuses.map((s, k) => ({ ...s, thing: things[k]! })),
    });
  }
  return plans;
}

function addJob(records: Records, built: BuiltJob): void {
  records.jobs.push(built.job);
  records.jobDocuments.push(built.document);
  records.jobExecutions.push(...built.executions);
}

export function buildFixtures(seed: number): FixtureFiles {
  const f = new Faker({ locale: [en] });
  f.seed(seed);
  f.setDefaultRefDate(new Date(DEFAULT_START));
  const now = DEFAULT_START;
  const records: Records = { things: [], thingGroups: [], jobTemplates: [], jobs: [], jobDocuments: [], jobExecutions: [] };

  const lobby = addGroup(records, f, A, EXAMPLE_IDS.lobbyGroup, [1, 2, 3, 4].map((n) => `thermostat-lobby-${pad(n)}`));
  const warehouse = addGroup(records, f, A, EXAMPLE_IDS.warehouseGroup, [1, 2, 3, 4, 5, 6].map((n) => `warehouse-sensor-${pad(n)}`));
  const cameras = addGroup(records, f, A, EXAMPLE_IDS.cameraGroup, [1, 2, 3].map((n) => `dock-camera-${pad(n)}`));
  const groupsA = fakerGroups(records, f, A, 4);
  const groupsB = fakerGroups(records, f, B, 2);

  const ota = { ...templateFor(f, A, EXAMPLE_IDS.template, OPERATIONS[0]!, 'thermostat', Date.UTC(2024, 10, 20, 8, 0)), description: 'Over-the-air firmware update for thermostats' };
  records.jobTemplates.push(legacyTemplate(), ota);
  for (let i = 0; i < 5; i++) {
    const operation = f.helpers.arrayElement(OPERATIONS);
    const type = f.helpers.arrayElement(DEVICE_TYPES);
    records.jobTemplates.push(templateFor(f, A, `${operation.slug}-${type}-template-${i + 1}`, operation, type, Date.UTC(2024, 11, 1 + 4 * i, 10, 0)));
  }
  records.jobTemplates.push(templateFor(f, B, 'greenhouse-config-template', OPERATIONS[2]!, 'controller', Date.UTC(2024, 11, 2, 9, 0)));

  // Oldest first, as they were created: the store lists jobs newest first by insertion order.
  const plans = [...fakerJobs(f, A, groupsA, 24, now), ...anchorJobs(lobby, warehouse, ota.jobTemplateArn), ...fakerJobs(f, B, groupsB, 4, now)];
  const built = plans.sort((x, y) => x.createdAt - y.createdAt).map((plan) => ({ createdAt: plan.createdAt, job: buildJob(f, plan, now) }));
  // The single-use example records draw from their own faker, so adding them left every other record as it was.
  const g = new Faker({ locale: [en] });
  g.seed([seed, 2]);
  g.setDefaultRefDate(new Date(DEFAULT_START));
  built.push(...singleUseJobs(warehouse, cameras).map((plan) => ({ createdAt: plan.createdAt, job: buildJob(g, plan, now) })));
  for (const { job } of built.sort((x, y) => x.createdAt - y.createdAt)) addJob(records, job);
  return Object.fromEntries(Object.entries(records).map(([name, items]) => [`${name}.json`, { schema: RECORD_SCHEMAS[name as keyof IotRecords], items }]));
}

/** The jobs the spec's examples name, in the states those examples need. */
function anchorJobs(lobby: ThingFixture[], warehouse: ThingFixture[], otaArn: string): JobPlan[] {
  const [l1, l2, l3, l4] = lobby as [ThingFixture, ThingFixture, ThingFixture, ThingFixture];
  const w = warehouse;
  return [
    {
      jobId: EXAMPLE_IDS.completedJob,
      jobArn: arnOf(A, 'job', EXAMPLE_IDS.completedJob),
      targets: [w[0]!.thingArn, w[1]!.thingArn, l1.thingArn],
      targetSelection: 'SNAPSHOT',
      status: 'COMPLETED',
      createdAt: Date.UTC(2024, 11, 10, 9, 0),
      document: JSON.stringify({ operation: 'rotate-certificate', keyAlgorithm: 'EC_prime256v1', validityDays: 365 }),
      description: 'Rotate device certificates before they expire at year end',
      config: { timeoutConfig: { inProgressTimeoutInMinutes: 30 } },
      executions: [{ thing: w[0]!, status: 'SUCCEEDED' }, { thing: w[1]!, status: 'FAILED' }, { thing: l1, status: 'SUCCEEDED' }],
    },
    {
      jobId: EXAMPLE_IDS.continuousJob,
      jobArn: arnOf(A, 'job', EXAMPLE_IDS.continuousJob),
      targets: [arnOf(A, 'thinggroup', EXAMPLE_IDS.warehouseGroup)],
      targetSelection: 'CONTINUOUS',
      status: 'IN_PROGRESS',
      createdAt: Date.UTC(2024, 11, 15, 14, 30),
      document: JSON.stringify({ operation: 'update-config', config: { reportIntervalSeconds: 60, logLevel: 'info' } }),
      description: 'Keep the warehouse sensor agent configuration in sync',
      executions: (['SUCCEEDED', 'SUCCEEDED', 'REMOVED', 'SUCCEEDED', 'REJECTED', 'QUEUED'] as const).map((status, i) => ({ thing: w[i]!, status })),
    },
    {
      jobId: EXAMPLE_IDS.rolloutJob,
      jobArn: arnOf(A, 'job', EXAMPLE_IDS.rolloutJob),
      targets: [arnOf(A, 'thinggroup', EXAMPLE_IDS.lobbyGroup)],
      targetSelection: 'SNAPSHOT',
      status: 'IN_PROGRESS',
      createdAt: Date.UTC(2024, 11, 31, 20, 0),
      document: JSON.stringify({ operation: 'ota', firmware: { version: '4.2.1', url: '${aws:iot:s3-presigned-url:https://s3.amazonaws.com/acme-device-firmware/thermostat/4.2.1.bin}' }, rebootAfter: true }),
      description: 'Thermostat firmware 4.2.1 for the lobby',
      config: {
        presignedUrlConfig: { roleArn: `arn:aws:iam::${FIXTURE_ACCOUNT}:role/iot-jobs-presigned-urls`, expiresInSec: 3600 },
        jobExecutionsRolloutConfig: { maximumPerMinute: 10 },
        timeoutConfig: { inProgressTimeoutInMinutes: 60 },
      },
      jobTemplateArn: otaArn,
      executions: [{ thing: l1, status: 'SUCCEEDED' }, { thing: l2, status: 'IN_PROGRESS' }, { thing: l3, status: 'QUEUED' }, { thing: l4, status: 'FAILED' }],
    },
  ];
}

/** A template only the deleteJobTemplate success example uses (older than the others: it lists last). */
function legacyTemplate(): components['schemas']['JobTemplate'] {
  return {
    jobTemplateArn: arnOf(A, 'jobtemplate', EXAMPLE_IDS.deletedTemplate),
    jobTemplateId: EXAMPLE_IDS.deletedTemplate,
    description: 'Reboot a device at once (superseded by the maintenance-window reboot)',
    document: JSON.stringify({ operation: 'reboot', delaySeconds: 0 }),
    createdAt: toEpochSeconds(Date.UTC(2024, 9, 15, 10, 0)),
  };
}

/**
 * Jobs that exactly one state-changing success example uses (update, cancel, cancel an execution,
 * delete, delete an execution), so no example finds a record another example has changed. They
 * target the loading dock cameras and the warehouse sensors, and are older than the jobs on the
 * first page of ListJobs.
 */
function singleUseJobs(warehouse: ThingFixture[], cameras: ThingFixture[]): JobPlan[] {
  const w = warehouse as [ThingFixture, ThingFixture, ThingFixture, ThingFixture, ThingFixture, ThingFixture];
  const [c1, c2, c3] = cameras as [ThingFixture, ThingFixture, ThingFixture];
  const job = (jobId: string, rest: Omit<JobPlan, 'jobId' | 'jobArn' | 'targetSelection'>): JobPlan => ({ jobId, jobArn: arnOf(A, 'job', jobId), targetSelection: 'SNAPSHOT', ...rest });
  return [
    job(EXAMPLE_IDS.deletedJob, {
      targets: [c1.thingArn, c2.thingArn],
      status: 'COMPLETED',
      createdAt: Date.UTC(2024, 10, 25, 8, 0),
      document: JSON.stringify({ operation: 'reboot', delaySeconds: 30 }),
      description: 'Reboot the loading dock cameras after the network change',
      executions: [{ thing: c1, status: 'SUCCEEDED' }, { thing: c2, status: 'SUCCEEDED' }],
    }),
    job(EXAMPLE_IDS.deletedExecutionJob, {
      targets: [w[0].thingArn, w[1].thingArn],
      status: 'COMPLETED',
      createdAt: Date.UTC(2024, 10, 28, 8, 0),
      document: JSON.stringify({ operation: 'install', package: 'acme-edge-agent', version: '3.4.0' }),
      description: 'Upgrade the warehouse sensor agent to 3.4.0',
      executions: [{ thing: w[0], status: 'SUCCEEDED' }, { thing: w[1], status: 'FAILED' }],
    }),
    job(EXAMPLE_IDS.updatedJob, {
      targets: [arnOf(A, 'thinggroup', EXAMPLE_IDS.cameraGroup)],
      status: 'IN_PROGRESS',
      createdAt: Date.UTC(2024, 11, 31, 9, 0),
      document: JSON.stringify({ operation: 'ota', firmware: { version: '1.8.0', url: '${aws:iot:s3-presigned-url:https://s3.amazonaws.com/acme-device-firmware/camera/1.8.0.bin}' }, rebootAfter: true }),
      description: 'Camera firmware 1.8.0 for the loading dock',
      executions: [{ thing: c1, status: 'SUCCEEDED' }, { thing: c2, status: 'IN_PROGRESS' }, { thing: c3, status: 'QUEUED' }],
    }),
    job(EXAMPLE_IDS.canceledJob, {
      targets: [w[2].thingArn, w[3].thingArn],
      status: 'IN_PROGRESS',
      createdAt: Date.UTC(2024, 11, 31, 10, 0),
      document: JSON.stringify({ operation: 'calibrate', sensor: 'humidity', referencePercent: 50 }),
      description: 'Recalibrate the humidity sensors in aisles 3 and 4',
      executions: [{ thing: w[2], status: 'IN_PROGRESS' }, { thing: w[3], status: 'QUEUED' }],
    }),
    job(EXAMPLE_IDS.canceledExecutionJob, {
      targets: [w[4].thingArn, w[5].thingArn],
      status: 'IN_PROGRESS',
      createdAt: Date.UTC(2024, 11, 31, 11, 0),
      document: JSON.stringify({ operation: 'upload-logs', since: '2024-12-24T00:00:00.000Z', destination: '${aws:iot:s3-presigned-url:https://s3.amazonaws.com/acme-device-logs/sensor/cold-chain-audit.tar.gz}' }),
      description: 'Upload the warehouse sensor logs for the cold-chain audit',
      executions: [{ thing: w[4], status: 'QUEUED' }, { thing: w[5], status: 'IN_PROGRESS' }],
    }),
  ];
}
