/**
 * The contract runner's test API (spec in tiny-contract-spec.ts): jobs that move QUEUED → RUNNING →
 * SUCCEEDED on the virtual clock, per-user visibility, token paging of jobs, offset paging of events,
 * page paging of reports inside a JSON parameter. Deliberately broken variants wrap this module.
 */
import { ApiError } from '../../src/core/api-error.js';
import { defineApi, type ApiName } from '../../src/core/api-module.js';
import { createCollection, type Collection } from '../../src/state/collection.js';
import { decodePageToken, encodePageToken } from '../../src/state/page-token.js';
import { tinyContractSpec } from './tiny-contract-spec.js';

export interface TinyJob { id: string; name: string; priority: 'LOW' | 'HIGH'; status: string; retries: number; createdAt: string; owner: string; createdMs: number }
export interface TinyEvent { seq: number; jobId: string; type: string; at: string; owner: string }
export interface TinyContractStore { jobs: Collection<TinyJob>; events: TinyEvent[]; next: number }

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELED']);
const REPORTS = ['Weekly', 'Monthly', 'Quarterly', 'Yearly', 'Incidents'].map((title, i) => ({ id: `r${i + 1}`, title }));
const users = { 'token-alice': { id: 'alice', name: 'Alice', roles: [] }, 'token-bob': { id: 'bob', name: 'Bob', roles: [] } } as const;
const iso = (ms: number) => new Date(ms).toISOString();

/** The job as the API shows it (the creation instant in ms is internal). */
export function publicJob({ createdMs: _internal, ...job }: TinyJob): Omit<TinyJob, 'createdMs'> {
  return job;
}

function record(store: TinyContractStore, job: TinyJob, type: string, at: number): void {
  store.events.push({ seq: store.events.length + 1, jobId: job.id, type, at: iso(at), owner: job.owner });
}

function ownJob(store: TinyContractStore, id: unknown, owner: string): TinyJob | ApiError {
  const job = store.jobs.get(String(id));
  return job && job.owner === owner ? job : new ApiError('not_found', `job ${String(id)} not found`);
}

const FIXTURES: [string, string][] = [['QUEUED', 'alice'], ['SUCCEEDED', 'alice'], ['SUCCEEDED', 'alice'], ['FAILED', 'alice'], ['CANCELED', 'alice'], ['SUCCEEDED', 'alice'], ['QUEUED', 'bob']];

export const tinyContractApi = defineApi<TinyContractStore>({
  name: 'tiny' as ApiName,
  title: 'Tiny jobs',
  spec: tinyContractSpec,
  mediaType: 'application/json',
  errors: {
    render: (error) => ({ status: error.code === 'validation_failed' ? 400 : error.status, body: { error: { code: error.code, message: error.message } } }),
  },
  auth: {
    authenticate(request) {
      const header = request.headers['authorization'];
      const user = header?.startsWith('Bearer ') ? users[header.slice(7) as keyof typeof users] : undefined;
      return user ?? new ApiError('unauthorized', 'missing or unknown bearer token');
    },
    devCredentials: () => Object.entries(users).map(([token, principal]) => ({ principal, headers: { Authorization: `Bearer ${token}` }, description: token })),
    anonymous: { id: 'alice', name: 'Alice', roles: [] },
  },
  createStore({ fixtures, clock }) {
    const store: TinyContractStore = { jobs: createCollection(), events: [], next: 1 };
    if (fixtures) {
      for (const [status, owner] of FIXTURES) {
        const id = `j${String(store.next++).padStart(4, '0')}`;
        const job = store.jobs.set(id, { id, name: 'Nightly build', priority: 'LOW', status, retries: 0, createdAt: iso(clock.now()), owner, createdMs: clock.now() });
        record(store, job, status, clock.now());
      }
    }
    return store;
  },
  advance(store, now) {
    for (const job of store.jobs.values()) {
      if (job.status === 'QUEUED' && now >= job.createdMs + 1000) store.jobs.set(job.id, { ...job, status: 'RUNNING' }), record(store, job, 'RUNNING', now);
      const current = store.jobs.get(job.id)!;
      if (current.status === 'RUNNING' && now >= job.createdMs + 3000) store.jobs.set(job.id, { ...current, status: 'SUCCEEDED' }), record(store, job, 'SUCCEEDED', now);
    }
  },
  handlers: {
    listJobs({ store, query, principal }) {
      const binding = { principal: principal.id, query: '' };
      const token = query['pageToken'] as string | undefined;
      const afterSeq = token === undefined ? undefined : decodePageToken(token, binding);
      if (token !== undefined && afterSeq === undefined) return new ApiError('bad_request', 'pageToken is not valid');
      const page = store.jobs.page({ afterSeq, limit: query['limit'] as number, filter: (j) => j.owner === principal.id });
      return { status: 200, body: { jobs: page.items.map(publicJob), ...(page.hasMore ? { nextToken: encodePageToken(page.lastSeq!, binding) } : {}) } };
    },
    createJob({ store, body, principal, clock }) {
      const input = body as { name: string; priority?: 'LOW' | 'HIGH'; retries?: number };
      const id = `j${String(store.next++).padStart(4, '0')}`;
      const job = store.jobs.set(id, { id, name: input.name, priority: input.priority ?? 'LOW', status: 'QUEUED', retries: input.retries ?? 0, createdAt: iso(clock.now()), owner: principal.id, createdMs: clock.now() });
      record(store, job, 'QUEUED', clock.now());
      return { status: 201, body: publicJob(job), headers: { location: `/v1/jobs/${id}` } };
    },
    getJob({ store, params, principal }) {
      const job = ownJob(store, params['jobId'], principal.id);
      return job instanceof ApiError ? job : { status: 200, body: publicJob(job) };
    },
    updateJob({ store, params, principal, body }) {
      const job = ownJob(store, params['jobId'], principal.id);
      if (job instanceof ApiError) return job;
      if (TERMINAL.has(job.status)) return new ApiError('conflict', `job ${job.id} has already finished`);
      const patch = body as { name?: string; priority?: 'LOW' | 'HIGH' };
      const updated = store.jobs.set(job.id, { ...job, name: patch.name ?? job.name, priority: patch.priority ?? job.priority });
      return { status: 200, body: publicJob(updated) };
    },
    cancelJob({ store, params, principal, clock }) {
      const job = ownJob(store, params['jobId'], principal.id);
      if (job instanceof ApiError) return job;
      if (TERMINAL.has(job.status)) return new ApiError('conflict', `job ${job.id} has already finished`);
      const canceled = store.jobs.set(job.id, { ...job, status: 'CANCELED' });
      record(store, job, 'CANCELED', clock.now());
      return { status: 200, body: publicJob(canceled) };
    },
    deleteJob({ store, params, principal }) {
      const job = ownJob(store, params['jobId'], principal.id);
      if (job instanceof ApiError) return job;
      store.jobs.delete(job.id);
      return { status: 204 };
    },
    listEvents({ store, query, principal }) {
      const offset = query['offset'] as number;
      const own = store.events.filter((e) => e.owner === principal.id);
      return { status: 200, body: { events: own.slice(offset, offset + (query['limit'] as number)).map(({ owner: _owner, ...e }) => e) } };
    },
    listReports({ query }) {
      let view: { page?: unknown; perPage?: unknown };
      try {
        view = JSON.parse((query['view'] as string | undefined) ?? '{}') as typeof view;
      } catch {
        return new ApiError('bad_request', 'view is not JSON');
      }
      const page = Number(view.page ?? 1), perPage = Number(view.perPage ?? 10);
      if (!Number.isInteger(page) || page < 1 || !Number.isInteger(perPage) || perPage < 1 || perPage > 50) return new ApiError('bad_request', 'view needs page ≥ 1 and perPage 1..50');
      return { status: 200, body: { reports: REPORTS.slice((page - 1) * perPage, page * perPage) } };
    },
  },
  snapshot: (store) => ({ jobs: [...store.jobs.values()].map(publicJob), events: store.events.length }),
  seed: () => new ApiError('not_implemented', 'the tiny contract API takes no seed data'),
});
