/**
 * API-shaped records → store records: the committed fixtures and `/__admin/seed` both come through
 * here. Input is checked field by field; the first problem is returned as a message naming the
 * file, the item and the field.
 */
import { decodeFlow } from './flow.js';
import { parseElideDate } from './ids.js';
import { resume } from './lifecycle.js';
import { readJob, readOrganization, readStep, readTeam, readTemplate, readWorkspace, type Reader } from './readers.js';
import type { FlowType, JobRecord, StepRecord } from './model.js';
import { outcomeFor, storeJob, type TerrakubeStore } from './store.js';

/** Fixture or seed data by file name (without `.json`). */
export type ResourceFiles = Partial<Record<'organizations' | 'teams' | 'workspaces' | 'templates' | 'jobs' | 'steps', unknown[]>>;

const FILES = ['organizations', 'teams', 'workspaces', 'templates', 'jobs', 'steps'] as const;

/** Guesses a step's flow type from its name when the job's TCL does not say. */
function typeFromName(name: string): FlowType {
  const n = name.toLowerCase();
  if (n.includes('approv')) return 'approval';
  if (n.includes('destroy')) return n.includes('plan') ? 'terraformPlanDestroy' : 'terraformDestroy';
  if (n.includes('apply')) return 'terraformApply';
  if (n.includes('script')) return 'customScripts';
  return 'terraformPlan';
}

function attachSteps(store: TerrakubeStore, steps: StepRecord[]): string | undefined {
  const flows = new Map<string, ReturnType<typeof decodeFlow>>();
  for (const step of steps) {
    const job = store.jobs.get(String(step.jobId));
    if (!job) return `steps: step ${step.id} belongs to job ${step.jobId}, which is not loaded`;
    if (job.tcl && !flows.has(job.tcl)) flows.set(job.tcl, decodeFlow(job.tcl));
    const flow = job.tcl ? flows.get(job.tcl) : undefined;
    const planned = Array.isArray(flow) ? flow.find((f) => f.step === step.stepNumber) : undefined;
    step.type = planned?.type ?? typeFromName(step.name);
    step.team = planned?.team ?? step.team;
    store.steps.set(step.id, step);
    if (!job.stepIds.includes(step.id)) job.stepIds.push(step.id);
  }
  for (const job of store.jobs.values()) {
    job.stepIds.sort((a, b) => store.steps.get(a)!.stepNumber - store.steps.get(b)!.stepNumber);
  }
  return undefined;
}

/**
 * Loads files into the store (in dependency order) and puts unfinished jobs back on the clock.
 * `shift` moves every loaded time by that many ms (fixtures written for FIXTURE_EPOCH, served later).
 */
export function loadFiles(store: TerrakubeStore, files: ResourceFiles, now: number, shift = 0): number | string {
  const when = (text: string | null): number | null => {
    if (text === null) return null;
    const ms = parseElideDate(text);
    return ms === undefined ? null : ms + shift;
  };
  let loaded = 0;
  const steps: StepRecord[] = [];
  const jobs: JobRecord[] = [];
  const readers: Record<(typeof FILES)[number], Reader> = {
    organizations: (item) => readOrganization(item, (org) => void store.organizations.set(org.id, org)),
    teams: (item) => readTeam(item, store, (team) => void store.teams.push(team)),
    workspaces: (item) => readWorkspace(item, store, when, (ws) => void store.workspaces.set(ws.id, ws)),
    templates: (item) => readTemplate(item, store, (t) => void store.templates.set(t.id, t)),
    jobs: (item) => readJob(item, store, when, (job) => jobs.push(job)),
    steps: (item) => readStep(item, (step) => steps.push(step)),
  };
  for (const file of FILES) {
    const items = files[file];
    if (items === undefined) continue;
    if (!Array.isArray(items)) return `${file}: expected an array of records`;
    for (const [i, item] of items.entries()) {
      const problem = readers[file](item);
      if (problem) return `${file} item ${i}: ${problem}`;
      loaded++;
    }
    if (file === 'jobs') {
      // Jobs are kept in id order (the default sort pages straight off the collection), so loaded
      // ids must come after those already there.
      jobs.sort((a, b) => a.id - b.id);
      for (const job of jobs) {
        if (job.id < store.nextJobId) return `jobs: job ${job.id} must have an id above ${store.nextJobId - 1}, the highest loaded`;
        job.outcome = outcomeFor(store.random, job.id);
        storeJob(store, job);
        store.nextJobId = Math.max(store.nextJobId, job.id + 1);
      }
    }
  }
  const problem = attachSteps(store, steps);
  if (problem) return problem;
  for (const job of jobs) resume(store, job, now);
  return loaded;
}

/** A top-level check of `/__admin/seed` input: an object of known file names. */
export function asResourceFiles(data: unknown): ResourceFiles | string {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'seed data must be an object with any of: ' + FILES.join(', ');
  for (const key of Object.keys(data)) {
    if (!(FILES as readonly string[]).includes(key)) return `unknown seed file "${key}"; expected any of: ${FILES.join(', ')}`;
  }
  return data as ResourceFiles;
}
