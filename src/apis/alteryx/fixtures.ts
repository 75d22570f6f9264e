/**
 * Seeded fixtures: workflows published by the three dev users (some shared) and their jobs in every
 * state the lifecycle has (Queued, Running, Completed with Success/Warning/Error, and Cancelled).
 * The anchor records are fixed for every seed: they are the ids the spec's examples use (the seed's
 * job 66ebd18d3d6200007e000d8c, owned by alice on her shared app 66e1a0c43d6200007e000a01, and
 * alice's app 66e1a0c43d6200007e000a02, which only the enqueue example runs, so the jobs it adds
 * never show up in what the read examples list).
 */
import { Faker, en } from '@faker-js/faker';
import type { components } from '../../generated/alteryx.js';
import type { FixtureFiles } from '../../fixtures/types.js';
import { DEV_USERS } from './auth.js';
import { formatObjectId } from './ids.js';
import { buildJob, type JobPlan } from './fixture-jobs.js';
import { OWNER_SCHEMA, WORKFLOW_SCHEMA } from './record-schemas.js';
import type { WorkflowRecord } from './store.js';

type JobView = components['schemas']['JobView'];

export const ANCHOR_WORKFLOW_ID = '66e1a0c43d6200007e000a01';
export const ANCHOR_JOB_ID = '66ebd18d3d6200007e000d8c';
/** The app the enqueue example (and the contract runner's flow) runs: no fixture jobs, no read example. */
export const ENQUEUE_WORKFLOW_ID = '66e1a0c43d6200007e000a02';
export const ANCHOR_OUTPUT_ID = '66ebd1a23d6200007e000d91';

const [ALICE, BOB, CAROL] = DEV_USERS.map((u) => u.principal.id) as [string, string, string];
const REF_DATE = Date.UTC(2024, 11, 31, 12, 0, 0);
/** Generated ids count up from here, clear of the anchors' counters. */
const FIRST_COUNTER = 0x001000;
const TOPICS = ['Sales Forecast', 'Inventory Reconciliation', 'Churn Scoring', 'Margin Analysis', 'Supplier Scorecard', 'Demand Planning', 'Campaign Attribution', 'Claims Triage'];
const MIDDLE_TOOLS = ['Join', 'Formula', 'Summarize', 'Filter', 'Cross Tab', 'Sort', 'Unique', 'Data Cleansing'];

const ANCHOR_WORKFLOW: WorkflowRecord = {
  id: ANCHOR_WORKFLOW_ID,
  name: 'Regional Sales Forecast',
  fileName: 'Regional Sales Forecast.yxwz',
  ownerId: ALICE,
  isShared: true,
  isApp: true,
  workerTag: '',
  runWithE2: false,
  dateCreated: '2024-09-11T13:53:08.000Z',
  tools: ['Input Data', 'Join', 'Summarize', 'Output Data'],
  outputs: ['regional_sales_forecast.csv'],
};

/** A private copy of the forecast app for what-if runs: the enqueue example's workflow. */
const ENQUEUE_WORKFLOW: WorkflowRecord = {
  ...ANCHOR_WORKFLOW,
  id: ENQUEUE_WORKFLOW_ID,
  name: 'Regional Sales Scenario',
  fileName: 'Regional Sales Scenario.yxwz',
  isShared: false,
  dateCreated: '2024-09-11T14:20:41.000Z',
  outputs: ['regional_sales_scenario.csv'],
};

/** The seed's example job, exactly as the spec's `success` examples show it. */
const ANCHOR_JOB: JobView = {
  id: ANCHOR_JOB_ID,
  appId: ANCHOR_WORKFLOW_ID,
  createDateTime: '2024-09-19T10:02:54.589Z',
  status: 'Completed',
  disposition: 'Success',
  outputs: [{ id: ANCHOR_OUTPUT_ID, availableFormats: ['Raw', 'CSV', 'XLSX'], fileName: 'regional_sales_forecast.csv' }],
  messages: [
    { status: 1, text: 'Started running Regional Sales Forecast.yxwz', toolId: 0 },
    { status: 1, text: 'Input Data (1): 1,204 records were processed', toolId: 1 },
    { status: 1, text: 'Finished running Regional Sales Forecast.yxwz in 41.2 seconds', toolId: 0 },
  ],
  priority: 'Default',
  workerTag: '',
  runWithE2: false,
};

interface WorkflowSpec {
  owner: string;
  shared: boolean;
  app: boolean;
  amp: boolean;
  /** Who runs it how often. */
  runs: [string, number][];
}

const GENERATED: WorkflowSpec[] = [
  { owner: ALICE, shared: false, app: false, amp: true, runs: [[ALICE, 6]] },
  { owner: ALICE, shared: false, app: true, amp: false, runs: [[ALICE, 4]] },
  { owner: BOB, shared: true, app: true, amp: false, runs: [[BOB, 5], [ALICE, 2], [CAROL, 2]] },
  { owner: BOB, shared: false, app: false, amp: false, runs: [[BOB, 4]] },
  { owner: CAROL, shared: false, app: false, amp: true, runs: [[CAROL, 5]] },
];
/** Runs of the anchor app besides the anchor job: alice's plenty (enough to page), bob's and carol's. */
const ANCHOR_RUNS: [string, number][] = [[ALICE, 13], [BOB, 3], [CAROL, 1]];
/** Jobs still in flight when the clock starts, by workflow index (0 = anchor) and owner. */
const IN_FLIGHT: { workflow: number; owner: string; status: 'Queued' | 'Running' }[] = [
  { workflow: 0, owner: ALICE, status: 'Running' },
  { workflow: 0, owner: ALICE, status: 'Queued' },
  { workflow: 3, owner: BOB, status: 'Running' },
  { workflow: 5, owner: CAROL, status: 'Queued' },
];
const OUTCOMES: { weight: number; value: JobPlan['outcome'] }[] = [
  { weight: 70, value: 'Success' },
  { weight: 15, value: 'Warning' },
  { weight: 9, value: 'Error' },
  { weight: 6, value: 'Cancelled' },
];

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

export function buildFixtures(seed: number): FixtureFiles {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  faker.setDefaultRefDate(REF_DATE);
  let counter = FIRST_COUNTER;
  const nextId = (at: number) => formatObjectId(at, counter++);

  const workflows: WorkflowRecord[] = [ANCHOR_WORKFLOW];
  for (const spec of GENERATED) {
    const created = faker.date.between({ from: '2024-03-01T00:00:00Z', to: '2024-05-31T00:00:00Z' }).getTime();
    const name = `${faker.commerce.department()} ${faker.helpers.arrayElement(TOPICS)}`;
    workflows.push({
      id: nextId(created),
      name,
      fileName: `${name}.${spec.app ? 'yxwz' : 'yxmd'}`,
      ownerId: spec.owner,
      isShared: spec.shared,
      isApp: spec.app,
      workerTag: spec.amp ? 'amp' : faker.helpers.arrayElement(['', '', 'finance']),
      runWithE2: spec.amp,
      dateCreated: new Date(created).toISOString(),
      tools: ['Input Data', ...faker.helpers.arrayElements(MIDDLE_TOOLS, { min: 1, max: 3 }), 'Output Data'],
      outputs: [`${slug(name)}.${faker.helpers.arrayElement(['csv', 'xlsx', 'yxdb'])}`],
    });
  }

  workflows.push(structuredClone(ENQUEUE_WORKFLOW));

  const plans: JobPlan[] = [];
  const runs = [ANCHOR_RUNS, ...GENERATED.map((g) => g.runs)];
  runs.forEach((byOwner, index) => {
    const workflow = workflows[index]!;
    for (const [owner, count] of byOwner) {
      for (let i = 0; i < count; i++) {
        const at = faker.date.between({ from: Date.parse(workflow.dateCreated) + 86_400_000, to: '2024-12-30T00:00:00Z' }).getTime();
        plans.push({ workflow, owner, at, outcome: faker.helpers.weightedArrayElement(OUTCOMES) });
      }
    }
  });
  // Every outcome appears at least once on alice's anchor runs, whatever the seed draws.
  const alicesAnchorRuns = plans.filter((p) => p.workflow === ANCHOR_WORKFLOW && p.owner === ALICE);
  (['Warning', 'Error', 'Cancelled'] as const).forEach((outcome, i) => (alicesAnchorRuns[i]!.outcome = outcome));
  IN_FLIGHT.forEach((f, i) => {
    plans.push({ workflow: workflows[f.workflow]!, owner: f.owner, at: Date.parse('2024-12-31T23:50:00Z') + i * 97_000 + faker.number.int(60_000), outcome: f.status });
  });
  plans.sort((a, b) => a.at - b.at);

  const jobs: JobView[] = [];
  const owners: { jobId: string; ownerId: string }[] = [];
  for (const plan of plans) {
    const job = buildJob(faker, plan, nextId);
    jobs.push(job);
    owners.push({ jobId: job.id, ownerId: plan.owner });
  }
  const anchorAt = jobs.findIndex((j) => Date.parse(j.createDateTime) > Date.parse(ANCHOR_JOB.createDateTime));
  jobs.splice(anchorAt < 0 ? jobs.length : anchorAt, 0, ANCHOR_JOB);
  owners.splice(anchorAt < 0 ? owners.length : anchorAt, 0, { jobId: ANCHOR_JOB_ID, ownerId: ALICE });

  return {
    'workflows.json': { schema: WORKFLOW_SCHEMA, items: workflows },
    'jobs.json': { schema: 'JobView', items: jobs },
    'job-owners.json': { schema: OWNER_SCHEMA, items: owners },
  };
}
