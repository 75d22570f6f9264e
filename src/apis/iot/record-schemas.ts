/**
 * The shape of loadable iot data (fixture files and /__admin/seed bodies): API-shaped records for
 * what the API returns (jobs, executions, templates) and kit-only records for what it does not
 * (the thing registry, thing groups, and job documents, which DescribeJob leaves out).
 */
import type { ValidateFunction } from 'ajv';
import type { components } from '../../generated/iot.js';
import spec from '../../generated/iot.spec.js';
import { createAjvPair, rewriteRefs } from '../../validation/create-ajv.js';
import { toDiagnostics } from '../../validation/to-diagnostics.js';
import { formatDiagnostic } from '../../core/diagnostic.js';

type Schemas = components['schemas'];

export interface ThingFixture {
  thingName: string;
  thingArn: string;
}

export interface ThingGroupFixture {
  thingGroupName: string;
  thingGroupArn: string;
  thingGroupId: string;
  /** Member thing names. */
  things: string[];
}

export interface JobDocumentFixture {
  jobArn: string;
  document: string;
}

export interface IotRecords {
  things?: ThingFixture[];
  thingGroups?: ThingGroupFixture[];
  jobTemplates?: Schemas['JobTemplate'][];
  jobs?: Schemas['Job'][];
  jobDocuments?: JobDocumentFixture[];
  jobExecutions?: Schemas['JobExecution'][];
}

const NAME = { type: 'string', pattern: '^[a-zA-Z0-9:_-]+$', minLength: 1, maxLength: 128 };

/** JSON schemas of the kit-only records (the API-shaped ones use the spec's components). */
export const KIT_SCHEMAS = {
  things: {
    type: 'object',
    additionalProperties: false,
    required: ['thingName', 'thingArn'],
    properties: { thingName: NAME, thingArn: { $ref: '#/components/schemas/ThingArn' } },
  },
  thingGroups: {
    type: 'object',
    additionalProperties: false,
    required: ['thingGroupName', 'thingGroupArn', 'thingGroupId', 'things'],
    properties: {
      thingGroupName: NAME,
      thingGroupArn: { type: 'string', pattern: '^arn:aws:iot:[a-z0-9-]+:\\d{12}:thinggroup/[a-zA-Z0-9:_-]{1,128}$' },
      thingGroupId: { type: 'string', pattern: '^[a-zA-Z0-9-]+$', minLength: 1, maxLength: 128 },
      things: { type: 'array', items: NAME },
    },
  },
  jobDocuments: {
    type: 'object',
    additionalProperties: false,
    required: ['jobArn', 'document'],
    properties: { jobArn: { $ref: '#/components/schemas/JobArn' }, document: { $ref: '#/components/schemas/JobDocument' } },
  },
} as const;

/** Which schema each loadable file's items follow: a component name or a kit-only schema. */
export const RECORD_SCHEMAS: Readonly<Record<keyof IotRecords, string | Record<string, unknown>>> = {
  things: KIT_SCHEMAS.things,
  thingGroups: KIT_SCHEMAS.thingGroups,
  jobTemplates: 'JobTemplate',
  jobs: 'Job',
  jobDocuments: KIT_SCHEMAS.jobDocuments,
  jobExecutions: 'JobExecution',
};

let validators: Map<string, ValidateFunction> | undefined;

function compileValidators(): Map<string, ValidateFunction> {
  const pair = createAjvPair('iot', spec);
  const out = new Map<string, ValidateFunction>();
  for (const [key, schema] of Object.entries(RECORD_SCHEMAS)) {
    const validate = typeof schema === 'string' ? pair.exact.getSchema(`urn:jobs-kit:iot:schemas:${schema}`) : pair.exact.compile(rewriteRefs('iot', schema, new Set()) as object);
    if (!validate) throw new Error(`iot: no schema ${String(schema)} in the spec`);
    out.set(key, validate);
  }
  return out;
}

/** Checks /__admin/seed data: an object of known record lists, each item valid; or a message saying what is wrong. */
export function parseRecords(data: unknown): IotRecords | string {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return `iot seed data must be an object with any of: ${Object.keys(RECORD_SCHEMAS).join(', ')}`;
  validators ??= compileValidators();
  for (const [key, items] of Object.entries(data)) {
    const validate = validators.get(key);
    if (!validate) return `unknown iot record list "${key}" (known: ${Object.keys(RECORD_SCHEMAS).join(', ')})`;
    if (!Array.isArray(items)) return `${key} must be an array`;
    for (const [i, item] of items.entries()) {
      if (!validate(item)) return `${key}[${i}]: ${toDiagnostics('body', validate.errors).map(formatDiagnostic).slice(0, 3).join('; ')}`;
    }
  }
  return data as IotRecords;
}
