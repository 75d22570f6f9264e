import type { ApiName } from '../../src/core/api-module.js';

/** The three measured operations, as paths relative to the API's base path. */
export type OperationName = 'list' | 'get' | 'create';
export const OPERATIONS: readonly OperationName[] = ['list', 'get', 'create'];

/** How the bench drives one API: which list, which job, what a create sends. */
export interface Scenario {
  /** GET path + query answering one page of 20 jobs. */
  list: string;
  listOperationId: string;
  /** Items on a list page (to top the list up to 20 jobs). */
  countItems(listBody: unknown): number;
  /** GET path of one job, taken from the list page. */
  get(listBody: unknown): string;
  create: { path: string; contentType: string; body(n: number): string };
}

/** The page the load reads: 20 jobs. Lists shorter than this are topped up with creates. */
export const LIST_SIZE = 20;

interface IotList {
  jobs: { jobId: string }[];
}
interface JsonApiList {
  data: { id: string }[];
}

// The `success` examples of the specs use these ids; the committed fixtures hold them for the first dev user.
const IOT_THING = 'arn:aws:iot:us-east-1:123456789012:thing/thermostat-lobby-01';
const TERRAKUBE_WORKSPACE = '91457dc2-caa4-41b8-bfa8-fcd182e64ee0';

export const SCENARIOS: Partial<Record<ApiName, Scenario>> = {
  iot: {
    list: `/jobs?maxResults=${LIST_SIZE}`,
    listOperationId: 'listJobs',
    countItems: (body) => (body as IotList).jobs.length,
    get: (body) => `/jobs/${encodeURIComponent((body as IotList).jobs[0]!.jobId)}`,
    create: {
      path: '/jobs',
      contentType: 'application/json',
      // One target thing: the job fans out to one QUEUED execution (the clock is manual, nothing moves).
      body: (n) => JSON.stringify({ jobId: `bench-${n}`, targets: [IOT_THING], document: '{"operation":"reboot"}', description: `bench job ${n}` }),
    },
  },
  terrakube: {
    list: `/workspace/${TERRAKUBE_WORKSPACE}/job?${encodeURIComponent('page[size]')}=${LIST_SIZE}`,
    listOperationId: 'listWorkspaceJobs',
    countItems: (body) => (body as JsonApiList).data.length,
    get: (body) => `/workspace/${TERRAKUBE_WORKSPACE}/job/${encodeURIComponent((body as JsonApiList).data[0]!.id)}`,
    create: {
      path: `/workspace/${TERRAKUBE_WORKSPACE}/job`,
      contentType: 'application/vnd.api+json',
      body: (n) => JSON.stringify({ data: { type: 'job', attributes: { command: 'plan', comments: `bench job ${n}` } } }),
    },
  },
};
