/**
 * Seeded fixtures: the fixed catalog (organizations, teams, workspaces, templates) and 40 jobs with
 * their steps. Which job is in which state is fixed (so the spec's examples can name them); commit
 * ids, messages, authors, templates and times are drawn from the seed. Every job status of the
 * lifecycle appears, with steps consistent with it, and each workspace has at most one job past
 * `pending` (Terrakube runs a workspace's jobs one at a time); `sandbox-dev` is left idle, so a job
 * created there starts at once.
 */
import { Faker, en } from '@faker-js/faker';
import type { FixtureFiles } from '../../fixtures/types.js';
import { createRandom } from '../../state/random.js';
import { ORG, ORGANIZATIONS, TEAMS, TEMPLATE, TEMPLATES, WORKSPACES, WS } from './catalog.js';
import { decodeFlow, encodeFlow, flowForCommand, type FlowStep } from './flow.js';
import { materialize, type Target } from './fixture-steps.js';
import type { Command, JobRecord } from './model.js';
import { jobResource, organizationResource, stepResource, workspaceResource } from './serialize.js';
import { createEmptyStore, FIXTURE_EPOCH, outcomeFor, storeJob, type TerrakubeStore } from './store.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface JobPlan {
  workspaceId: string;
  target: Target;
  template?: string;
  command?: Command;
}

const HISTORY: readonly Target[] = ['completed', 'completed', 'failed', 'completed', 'rejected', 'completed', 'cancelled', 'noChanges'];
const PLATFORM_WS = [WS.networking, WS.eks, WS.iam, WS.dns, WS.observability, WS.sandbox];
const DATA_WS = [WS.featureStore, WS.databricks];

/** Jobs 1–24 (platform) and 25–32 (data) are history; 33–40 are the work in flight. */
function plans(): JobPlan[] {
  const out: JobPlan[] = [];
  for (let i = 0; i < 24; i++) out.push({ workspaceId: PLATFORM_WS[i % PLATFORM_WS.length]!, target: HISTORY[i % HISTORY.length]! });
  for (let i = 0; i < 8; i++) out.push({ workspaceId: DATA_WS[i % 2]!, target: HISTORY[i % HISTORY.length]! });
  out[1]!.command = 'plan';
  out[9]!.command = 'apply';
  out.push(
    { workspaceId: WS.networking, target: 'waitingApproval', template: TEMPLATE.platformPlanApply },
    { workspaceId: WS.networking, target: 'pending', template: TEMPLATE.platformPlanApply },
    { workspaceId: WS.eks, target: 'runningApply', template: TEMPLATE.platformPlanApply },
    { workspaceId: WS.iam, target: 'pending', template: TEMPLATE.platformPlanApply },
    { workspaceId: WS.dns, target: 'queue', template: TEMPLATE.platformPlan },
    { workspaceId: WS.observability, target: 'approved', template: TEMPLATE.platformPlanApply },
    { workspaceId: WS.featureStore, target: 'running', template: TEMPLATE.dataApply },
    { workspaceId: WS.databricks, target: 'waitingApproval', template: TEMPLATE.dataPlanApply },
  );
  return out;
}

const AUTHORS: Record<string, readonly string[]> = {
  [ORG.platform]: ['alice@platform.local', 'erik.ops@platform.local', 'mei.sre@platform.local'],
  [ORG.data]: ['bob@platform.local', 'farah.ml@platform.local'],
};

function chooseTemplate(faker: Faker, organizationId: string, target: Target): string {
  const planApply = organizationId === ORG.platform ? TEMPLATE.platformPlanApply : TEMPLATE.dataPlanApply;
  if (target === 'rejected') return planApply;
  const others = organizationId === ORG.platform ? [TEMPLATE.platformPlan, TEMPLATE.platformDestroy] : [TEMPLATE.dataPlan, TEMPLATE.dataApply];
  return faker.helpers.weightedArrayElement([{ weight: 3, value: planApply }, { weight: 2, value: others[0]! }, { weight: 1, value: others[1]! }]);
}

function addJob(store: TerrakubeStore, faker: Faker, id: number, plan: JobPlan): void {
  const ws = store.workspaces.get(plan.workspaceId)!;
  const history = id <= 32;
  const created = history ? FIXTURE_EPOCH - 30 * 24 * HOUR + id * 18 * HOUR + faker.number.int({ min: 0, max: 600 }) * MINUTE : FIXTURE_EPOCH - (41 - id) * 4 * MINUTE;
  const templateReference = plan.command ? null : (plan.template ?? chooseTemplate(faker, ws.organizationId, plan.target));
  const tcl = plan.command ? encodeFlow(flowForCommand(plan.command)) : store.templates.get(templateReference!)!.tcl;
  const flow = decodeFlow(tcl) as FlowStep[];
  const author = faker.helpers.arrayElement(AUTHORS[ws.organizationId]!);
  const job: JobRecord = {
    id,
    organizationId: ws.organizationId,
    workspaceId: ws.id,
    status: 'pending',
    command: plan.command ?? null,
    output: null,
    comments: faker.helpers.maybe(() => faker.git.commitMessage(), { probability: 0.7 }) ?? null,
    commitId: faker.git.commitSha(),
    templateReference,
    tcl,
    via: plan.command ? 'CLI' : faker.helpers.weightedArrayElement([{ weight: 5, value: 'UI' }, { weight: 2, value: 'Github' }, { weight: 1, value: 'Schedule' }]),
    refresh: true,
    refreshOnly: false,
    planChanges: true,
    overrideBranch: null,
    terraformPlan: null,
    approvalTeam: null,
    createdDate: created,
    createdBy: author,
    updatedDate: Math.min(FIXTURE_EPOCH, created + faker.number.int({ min: 1, max: history ? 25 : 3 }) * MINUTE),
    updatedBy: author,
    stepIds: [],
    outcome: outcomeFor(store.random, id),
    version: 0,
  };
  storeJob(store, job);
  materialize(store, job, flow, plan.target, () => faker.string.uuid(), (n) => faker.number.int({ min: 0, max: n - 1 }));
}

function catalog(store: TerrakubeStore): void {
  for (const org of ORGANIZATIONS) store.organizations.set(org.id, { ...org });
  store.teams.push(...TEAMS.map((t) => ({ ...t })));
  for (const t of TEMPLATES) store.templates.set(t.id, { ...t });
  for (const w of WORKSPACES) {
    const created = FIXTURE_EPOCH - 200 * 24 * HOUR;
    const owner = AUTHORS[w.organizationId]![0]!;
    store.workspaces.set(w.id, { ...w, branch: 'main', executionMode: 'remote', deleted: false, allowRemoteApply: false, createdDate: created, createdBy: owner, updatedDate: created, updatedBy: owner });
  }
}

export function buildFixtures(seed: number): FixtureFiles {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  faker.setDefaultRefDate(new Date(FIXTURE_EPOCH));
  const store = createEmptyStore(createRandom(seed));
  catalog(store);
  plans().forEach((plan, i) => addJob(store, faker, i + 1, plan));
  store.nextJobId = store.jobs.size + 1;
  const rows = (schema: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, ...schema });
  return {
    'organizations.json': { schema: 'Organization', items: ORGANIZATIONS.map((o) => organizationResource(store, store.organizations.get(o.id)!)) },
    'teams.json': {
      schema: rows({ required: ['organizationId', 'name', 'manageJob'], properties: { organizationId: { type: 'string', format: 'uuid' }, name: { type: 'string' }, manageJob: { type: 'boolean' } } }),
      items: store.teams,
    },
    'workspaces.json': { schema: 'Workspace', items: WORKSPACES.map((w) => workspaceResource(store, store.workspaces.get(w.id)!)) },
    'templates.json': {
      schema: rows({ required: ['id', 'organizationId', 'name', 'tcl'], properties: { id: { type: 'string', format: 'uuid' }, organizationId: { type: 'string', format: 'uuid' }, name: { type: 'string' }, tcl: { type: 'string', contentEncoding: 'base64' } } }),
      items: [...store.templates.values()],
    },
    'jobs.json': { schema: 'Job', items: [...store.jobs.values()].map((j) => jobResource(j)) },
    'steps.json': { schema: 'Step', items: [...store.steps.values()].map((s) => stepResource(s)) },
  };
}
