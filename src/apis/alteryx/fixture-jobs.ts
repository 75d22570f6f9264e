/** One fixture job in a given state, reported the way the live lifecycle reports (messages.ts). */
import type { Faker } from '@faker-js/faker';
import type { components } from '../../generated/alteryx.js';
import { cancelledMessage, errorMessage, finishedMessage, OUTPUT_FORMATS, startMessage, toolMessage, warningMessage } from './messages.js';
import type { WorkflowRecord } from './store.js';

type JobView = components['schemas']['JobView'];
type JobPriority = components['schemas']['JobPriority'];

export interface JobPlan {
  workflow: WorkflowRecord;
  owner: string;
  /** Creation time, epoch ms. */
  at: number;
  outcome: 'Success' | 'Warning' | 'Error' | 'Cancelled' | 'Queued' | 'Running';
}

const PRIORITIES: { weight: number; value: JobPriority }[] = [
  { weight: 6, value: 'Default' },
  { weight: 1, value: 'Low' },
  { weight: 1, value: 'Medium' },
  { weight: 2, value: 'High' },
  { weight: 1, value: 'Critical' },
];

export function buildJob(faker: Faker, plan: JobPlan, nextId: (at: number) => string): JobView {
  const { workflow, at, outcome } = plan;
  const job: JobView = {
    id: nextId(at),
    appId: workflow.id,
    createDateTime: new Date(at).toISOString(),
    status: 'Queued',
    disposition: 'None',
    outputs: [],
    messages: [],
    priority: faker.helpers.weightedArrayElement(PRIORITIES),
    workerTag: workflow.workerTag,
    runWithE2: workflow.runWithE2,
  };
  const tool = (i: number) => workflow.tools[i - 1] ?? 'Formula';
  const records = () => faker.number.int({ min: 120, max: 250_000 });
  switch (outcome) {
    case 'Queued':
      return job;
    case 'Running':
      return { ...job, status: 'Running', messages: [startMessage(workflow.fileName), toolMessage(tool(1), 1, records())] };
    case 'Cancelled':
      return { ...job, status: 'Cancelled', disposition: 'Cancelled', messages: [startMessage(workflow.fileName), cancelledMessage()] };
    default: {
      const runMs = faker.number.int({ min: 20_000, max: 90_000 });
      const culprit = faker.number.int({ min: 1, max: workflow.tools.length });
      const messages = [startMessage(workflow.fileName), ...workflow.tools.map((t, i) => toolMessage(t, i + 1, records()))];
      if (outcome === 'Warning') messages.push(warningMessage(tool(culprit), culprit, faker.number.int({ min: 1, max: 400 })));
      if (outcome === 'Error') messages.push(errorMessage(tool(culprit), culprit));
      messages.push(finishedMessage(workflow.fileName, runMs, outcome));
      const outputs =
        outcome === 'Error'
          ? []
          : workflow.outputs.map((fileName) => ({ id: nextId(at + runMs), availableFormats: [...faker.helpers.arrayElement(OUTPUT_FORMATS)], fileName }));
      return { ...job, status: 'Completed', disposition: outcome, messages, outputs };
    }
  }
}
