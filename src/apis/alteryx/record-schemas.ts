/** JSON schemas of the kit-only fixture records (kept apart from fixtures.ts so the runtime never loads faker). */
import { DEV_USERS } from './auth.js';

const OBJECT_ID = { $ref: '#/components/schemas/ObjectId' };
const USER_ID = { enum: DEV_USERS.map((u) => u.principal.id) };

/** Kit-only: the workflow records behind the jobs (the V3 workflow endpoints are not served). */
export const WORKFLOW_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'fileName', 'ownerId', 'isShared', 'isApp', 'workerTag', 'runWithE2', 'dateCreated', 'tools', 'outputs'],
  properties: {
    id: OBJECT_ID,
    name: { type: 'string', minLength: 1 },
    fileName: { type: 'string', pattern: '\\.(yxmd|yxwz)$' },
    ownerId: USER_ID,
    isShared: { type: 'boolean' },
    isApp: { type: 'boolean' },
    workerTag: { type: 'string' },
    runWithE2: { type: 'boolean' },
    dateCreated: { type: 'string', format: 'date-time' },
    tools: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    outputs: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
};

/** Kit-only: who ran each job (a JobView does not say). */
export const OWNER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['jobId', 'ownerId'],
  properties: { jobId: OBJECT_ID, ownerId: USER_ID },
};
