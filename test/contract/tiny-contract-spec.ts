/**
 * The spec of the contract runner's test API: a small jobs API with everything the runner reads —
 * named examples, links from create to read/list/update/cancel/delete, the three paging styles
 * (token, offset, page inside a JSON parameter) and a lifecycle. It stands in for the five real
 * APIs so the runner's own tests do not move when their specs do.
 */
import type { JsonSchema, OpenApiDocument } from '../../src/spec/openapi-types.js';

const json = (schema: JsonSchema, examples?: Record<string, unknown>) => ({
  'application/json': { schema, ...(examples ? { examples: Object.fromEntries(Object.entries(examples).map(([k, v]) => [k, { value: v }])) } : {}) },
});
const error = (description: string, examples?: Record<string, unknown>) => ({ description, content: json({ $ref: '#/components/schemas/Error' }, examples) });
const errors = { '400': error('invalid request'), '401': error('no or unknown credentials'), '500': error('server fault') };
const bodyErrors = { '413': error('body too large'), '415': error('not JSON') };
const jobId = (examples: Record<string, string>) => ({ name: 'jobId', in: 'path' as const, required: true, schema: { type: 'string', pattern: '^j[0-9]{4}$' }, examples: Object.fromEntries(Object.entries(examples).map(([k, v]) => [k, { value: v }])) });
const job = (id: string, status: string, name = 'Nightly build') => ({ id, name, priority: 'LOW', status, retries: 0, createdAt: '2025-01-01T00:00:00.000Z', owner: 'alice' });
const notFound = { error: { code: 'not_found', message: 'job j9999 not found' } };

/** The create response: OpenAPI links name the flow the runner follows (not in ResponseObject's type, hence a variable). */
const created = {
  description: 'created',
  headers: { Location: { required: true, schema: { type: 'string' } } },
  content: json({ $ref: '#/components/schemas/Job' }, { success: job('j0008', 'QUEUED', 'Release build') }),
  links: {
    getJob: { operationId: 'getJob', parameters: { jobId: '$response.body#/id' } },
    listJobs: { operationId: 'listJobs', 'x-jobs-kit-id': '$response.body#/id' },
    updateJob: { operationId: 'updateJob', parameters: { 'path.jobId': '$response.header.Location' } },
    // After settling the job has finished: cancelling it must be refused.
    cancelJob: { operationId: 'cancelJob', parameters: { jobId: '$response.body#/id' }, 'x-jobs-kit-order': 38, 'x-jobs-kit-expect': [409] },
    deleteJob: { operationId: 'deleteJob', parameters: { jobId: '$response.body#/id' } },
  },
};

export const tinyContractSpec: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Tiny jobs', version: '1' },
  servers: [{ url: 'https://tiny.example/v1' }],
  security: [{ bearer: [] }],
  paths: {
    '/jobs': {
      get: {
        operationId: 'listJobs',
        'x-jobs-kit-paging': { style: 'token', items: '/jobs', id: '/id', limitParam: 'limit', limit: 2, maxLimit: 50, tokenParam: 'pageToken', tokenPointer: '/nextToken' },
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 }, examples: { success: { value: 3 } } },
          { name: 'pageToken', in: 'query', schema: { type: 'string', minLength: 1 } },
        ],
        responses: { '200': { description: 'a page of jobs', content: json({ $ref: '#/components/schemas/JobPage' }, { success: { jobs: [job('j0001', 'QUEUED')], nextToken: 'abc' } }) }, ...errors },
      },
      post: {
        operationId: 'createJob',
        requestBody: { required: true, content: json({ $ref: '#/components/schemas/JobInput' }, { success: { name: 'Release build', priority: 'HIGH', retries: 1 }, invalidBody: { name: '' } }) },
        responses: {
          '201': created,
          ...errors,
          '400': error('invalid body', { invalidBody: { error: { code: 'validation_failed', message: 'body /name: must NOT have fewer than 1 characters' } } }),
          ...bodyErrors,
        },
      },
    },
    '/jobs/{jobId}': {
      get: {
        operationId: 'getJob',
        'x-jobs-kit-lifecycle': {
          status: '/status',
          transitions: { QUEUED: ['RUNNING', 'CANCELED'], RUNNING: ['SUCCEEDED', 'FAILED', 'CANCELED'], SUCCEEDED: [], FAILED: [], CANCELED: [] },
          settle: { steps: 3, stepMs: 1500 },
        },
        parameters: [jobId({ success: 'j0001', notFound: 'j9999' })],
        responses: { '200': { description: 'the job', content: json({ $ref: '#/components/schemas/Job' }, { success: job('j0001', 'QUEUED') }) }, '404': error('no such job', { notFound }), ...errors },
      },
      patch: {
        operationId: 'updateJob',
        parameters: [jobId({ success: 'j0001', notFound: 'j9999' })],
        requestBody: { required: true, content: json({ $ref: '#/components/schemas/JobPatch' }, { success: { name: 'Nightly build (renamed)' }, notFound: { priority: 'HIGH' } }) },
        responses: { '200': { description: 'updated', content: json({ $ref: '#/components/schemas/Job' }, { success: job('j0001', 'QUEUED', 'Nightly build (renamed)') }) }, '404': error('no such job', { notFound }), '409': error('job is finished'), ...errors, ...bodyErrors },
      },
      delete: {
        operationId: 'deleteJob',
        parameters: [jobId({ success: 'j0002', notFound: 'j9999' })],
        responses: { '204': { description: 'deleted' }, '404': error('no such job', { notFound }), ...errors },
      },
    },
    '/jobs/{jobId}/cancel': {
      post: {
        operationId: 'cancelJob',
        parameters: [jobId({ success: 'j0001', conflict: 'j0003', notFound: 'j9999' })],
        responses: {
          '200': { description: 'canceled', content: json({ $ref: '#/components/schemas/Job' }, { success: job('j0001', 'CANCELED') }) },
          '404': error('no such job', { notFound }),
          '409': error('job is finished', { conflict: { error: { code: 'conflict', message: 'job j0003 has already finished' } } }),
          ...errors,
        },
      },
    },
    '/events': {
      get: {
        operationId: 'listEvents',
        'x-jobs-kit-paging': { style: 'offset', items: '/events', id: '/seq', limitParam: 'limit', limit: 3, maxLimit: 100, offsetParam: 'offset' },
        parameters: [
          { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        ],
        responses: { '200': { description: 'events', content: json({ type: 'object', required: ['events'], properties: { events: { type: 'array', items: { $ref: '#/components/schemas/Event' } } } }, { success: { events: [{ seq: 1, jobId: 'j0001', type: 'CREATED', at: '2025-01-01T00:00:00.000Z' }] } }) }, ...errors },
      },
    },
    '/reports': {
      get: {
        operationId: 'listReports',
        'x-jobs-kit-paging': { style: 'page', items: '/reports', id: '/id', limitParam: 'perPage', limit: 2, pageParam: 'page', jsonParam: 'view' },
        parameters: [{ name: 'view', in: 'query', description: 'JSON: {"page": n, "perPage": n}', schema: { type: 'string', maxLength: 200 }, examples: { success: { value: '{"page":1,"perPage":10}' } } }],
        responses: { '200': { description: 'reports', content: json({ type: 'object', required: ['reports'], properties: { reports: { type: 'array', items: { type: 'object', required: ['id', 'title'], properties: { id: { type: 'string' }, title: { type: 'string' } } } } } }, { success: { reports: [{ id: 'r1', title: 'Weekly' }] } }) }, ...errors },
      },
    },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Job: {
        type: 'object',
        required: ['id', 'name', 'priority', 'status', 'createdAt', 'owner'],
        properties: {
          id: { type: 'string', pattern: '^j[0-9]{4}$' },
          name: { type: 'string' },
          priority: { $ref: '#/components/schemas/Priority' },
          status: { type: 'string', enum: ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELED'] },
          retries: { type: 'integer', minimum: 0, maximum: 5 },
          createdAt: { type: 'string', format: 'date-time' },
          owner: { type: 'string' },
        },
      },
      JobInput: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1 }, priority: { $ref: '#/components/schemas/Priority' }, retries: { type: 'integer', minimum: 0, maximum: 5 } } },
      JobPatch: { type: 'object', minProperties: 1, additionalProperties: false, properties: { name: { type: 'string', minLength: 1 }, priority: { $ref: '#/components/schemas/Priority' } } },
      JobPage: { type: 'object', required: ['jobs'], properties: { jobs: { type: 'array', items: { $ref: '#/components/schemas/Job' } }, nextToken: { type: 'string' } } },
      Priority: { type: 'string', enum: ['LOW', 'HIGH'] },
      Event: { type: 'object', required: ['seq', 'jobId', 'type', 'at'], properties: { seq: { type: 'integer' }, jobId: { type: 'string' }, type: { type: 'string' }, at: { type: 'string', format: 'date-time' } } },
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } },
    },
  },
};
