import { ApiError } from '../../../core/api-error.js';
import type { Handler } from '../../../core/api-module.js';
import type { components } from '../../../generated/exabyte.js';
import { createMeteorId } from '../ids.js';
import { defaultJobName } from '../job-name.js';
import type { Job } from '../lifecycle.js';
import { isPlainObject } from '../mongo-query.js';
import { putJob, type ExabyteStore } from '../store.js';
import { accountReference, findUser } from '../users.js';
import { jobReply } from './get-job.js';

type JobCreate = components['schemas']['JobCreate'];
type ComputeFields = components['schemas']['ComputeFields'];

/** The Python client's `get_compute` defaults, minus the cluster (chosen at submission). */
const DEFAULT_COMPUTE = { queue: 'D', nodes: 1, ppn: 1, timeLimit: '01:00:00', notify: 'n' } as const;

/** Compute as the user may set it: `errors` and the resource manager's `jid` belong to a run. */
export function userCompute(base: Job['compute'], input: ComputeFields | undefined): Job['compute'] {
  const { errors: _errors, cluster, ...rest } = input ?? {};
  const compute: Job['compute'] = { ...base, ...structuredClone(rest) };
  if (cluster?.fqdn !== undefined) compute.cluster = { fqdn: cluster.fqdn };
  return compute;
}

const OPTIONAL_FIELDS = ['_material', '_materials', 'parent', 'model', 'runtimeContext', 'tags'] as const;
type OptionalFields = Pick<Job, (typeof OPTIONAL_FIELDS)[number]>;

/** Copies the optional fields that were sent (a fixed list of keys, so no user key reaches the job). */
export function copyOptionalFields(job: OptionalFields, input: OptionalFields): void {
  const target = job as Record<string, unknown>;
  for (const key of OPTIONAL_FIELDS) if (input[key] !== undefined) target[key] = structuredClone(input[key]);
}

/** The seed puts the workflow under `model.method.workflow`; ESSE and the client use `workflow`. */
function workflowOf(body: JobCreate): Job['workflow'] {
  if (body.workflow) return structuredClone(body.workflow);
  const method = isPlainObject(body.model) && isPlainObject(body.model.method) ? body.model.method : undefined;
  const workflow = method && isPlainObject(method.workflow) ? method.workflow : undefined;
  const id = workflow?._id;
  if (typeof id === 'string' && id.length > 0 && id.length <= 64) return { _id: id };
  throw new ApiError('bad_request', 'workflow is required: send workflow._id (or model.method.workflow._id)');
}

export const createJob: Handler<ExabyteStore> = ({ body, principal, store, clock }) => {
  const input = body as JobCreate;
  const user = findUser(principal.account ?? principal.id);
  if (!user) throw new ApiError('unauthorized', 'You must be logged in to do this.');
  if (input.owner && input.owner._id !== user.id) throw new ApiError('forbidden', `You are not a member of account ${input.owner._id}`);
  const workflow = workflowOf(input);
  const now = clock.now();
  const iso = new Date(now).toISOString();
  const job: Job = {
    _id: createMeteorId(store.random, (id) => store.jobs.has(id)),
    name: input.name ?? input.title ?? defaultJobName(now),
    status: 'pre-submission',
    statusTrack: [{ trackedAt: now, status: 'pre-submission' }],
    createdAt: iso,
    updatedAt: iso,
    compute: userCompute({ ...DEFAULT_COMPUTE }, input.compute),
    _project: structuredClone(input._project ?? user.defaultProject),
    workflow,
    owner: accountReference(user),
    creator: accountReference(user),
  };
  copyOptionalFields(job, input);
  putJob(store, job, now);
  return jobReply(job);
};
