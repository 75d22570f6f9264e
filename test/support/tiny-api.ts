/**
 * A tiny API module for testing the engine on its own, independent of the five real APIs.
 * Shaped like them: a spec, a store, bearer auth, its own error envelope.
 */
import { ApiError } from '../../src/core/api-error.js';
import { defineApi, type ApiName } from '../../src/core/api-module.js';
import type { OpenApiDocument } from '../../src/spec/openapi-types.js';
import { createCollection, type Collection } from '../../src/state/collection.js';

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

export const tinySpec: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Tiny', version: '1' },
  servers: [{ url: 'https://tiny.example/{base}', variables: { base: { default: 'v1' } } }],
  security: [{ bearer: [] }],
  paths: {
    '/things': {
      get: {
        operationId: 'listThings',
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } }],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['things'], properties: { things: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } } }, examples: { success: { value: { things: [] } } } } } },
          '400': errorResponse('bad'),
          '401': errorResponse('no auth'),
          '500': errorResponse('fault'),
        },
      },
      post: {
        operationId: 'createThing',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1 }, size: { enum: ['S', 'M', 'L'] } } } } } },
        responses: {
          '201': { description: 'created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '400': errorResponse('bad'),
          '401': errorResponse('no auth'),
          '413': errorResponse('too big'),
          '415': errorResponse('media'),
          '500': errorResponse('fault'),
        },
      },
    },
    '/things/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^t[0-9]+$' } }],
      get: {
        operationId: 'getThing',
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' }, examples: { success: { value: { id: 't1', name: 'one', size: 'S', owner: 'alice' } } } } } },
          '404': { description: 'missing', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, examples: { notFound: { value: { message: 'no such thing' } } } } } },
          '400': errorResponse('bad'),
          '401': errorResponse('no auth'),
          '500': errorResponse('fault'),
        },
      },
      delete: { operationId: 'deleteThing', responses: { '204': { description: 'gone' }, '401': errorResponse('no auth'), '404': errorResponse('missing'), '500': errorResponse('fault') } },
    },
    '/broken': { get: { operationId: 'brokenResponse', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } }, '500': errorResponse('fault') } } },
    '/crash': { get: { operationId: 'crash', responses: { '200': { description: 'never' }, '500': errorResponse('fault') } } },
    '/public': { get: { operationId: 'publicInfo', security: [], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } } },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Thing: { type: 'object', required: ['id', 'name', 'owner'], properties: { id: { type: 'string' }, name: { type: 'string' }, size: { enum: ['S', 'M', 'L'] }, owner: { type: 'string' } } },
      Error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
    },
  },
};

export interface TinyThing { id: string; name: string; size?: string; owner: string }
export interface TinyStore { things: Collection<TinyThing>; next: number; advancedTo: number[] }

const users = { 'token-alice': { id: 'alice', name: 'Alice', roles: [] }, 'token-bob': { id: 'bob', name: 'Bob', roles: [] } } as const;

export const tinyApi = defineApi<TinyStore>({
  name: 'tiny' as ApiName,
  title: 'Tiny',
  spec: tinySpec,
  mediaType: 'application/json',
  errors: { render: (error) => ({ status: error.status, body: { message: error.message } }) },
  auth: {
    authenticate(request) {
      const header = request.headers['authorization'];
      const user = header?.startsWith('Bearer ') ? users[header.slice(7) as keyof typeof users] : undefined;
      return user ?? new ApiError('unauthorized', 'missing or unknown bearer token');
    },
    devCredentials: () => Object.entries(users).map(([token, principal]) => ({ principal, headers: { authorization: `Bearer ${token}` }, description: token })),
    anonymous: { id: 'anonymous', name: 'Anonymous', roles: [] },
  },
  createStore({ fixtures }) {
    const store: TinyStore = { things: createCollection(), next: 2, advancedTo: [] };
    if (fixtures) store.things.set('t1', { id: 't1', name: 'one', size: 'S', owner: 'alice' });
    return store;
  },
  advance(store, now) {
    store.advancedTo.push(now);
  },
  handlers: {
    listThings: ({ store, query, principal }) => ({ status: 200, body: { things: store.things.page({ limit: query['limit'] as number, filter: (t) => t.owner === principal.id }).items } }),
    createThing: ({ store, body, principal }) => {
      const input = body as { name: string; size?: string };
      const thing = store.things.set(`t${store.next++}`, { id: `t${store.next - 1}`, ...input, owner: principal.id });
      return { status: 201, body: thing };
    },
    getThing: ({ store, params, principal }) => {
      const thing = store.things.get(params['id'] as string);
      return thing && thing.owner === principal.id ? { status: 200, body: thing } : new ApiError('not_found', `thing ${String(params['id'])} not found`);
    },
    deleteThing: ({ store, params }) => (store.things.delete(params['id'] as string) ? { status: 204 } : new ApiError('not_found', 'no such thing')),
    brokenResponse: () => ({ status: 200, body: { id: 7 } }),
    crash: () => {
      throw new Error('boom');
    },
    publicInfo: ({ principal }) => ({ status: 200, body: { you: principal.id } }),
  },
  snapshot: (store) => ({ things: [...store.things.values()] }),
  seed(store, data) {
    if (!Array.isArray(data)) return new ApiError('validation_failed', 'seed data must be an array of things');
    for (const t of data as TinyThing[]) store.things.set(t.id, t);
    return { loaded: data.length };
  },
});
