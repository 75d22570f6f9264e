import type { ValidateFunction } from 'ajv';
import { ApiError } from '../../core/api-error.js';
import { formatDiagnostic } from '../../core/diagnostic.js';
import spec from '../../generated/contenthub.spec.js';
import type { Clock } from '../../state/clock.js';
import { createAjvPair } from '../../validation/create-ajv.js';
import { toDiagnostics } from '../../validation/to-diagnostics.js';
import { loadRecords, SIMULATION_SCHEMA, type SeedData } from './load.js';
import type { ContentHubStore } from './store.js';

const SECTIONS = { jobs: 'Job', descriptions: 'JobDescription', targets: 'JobTarget', simulation: undefined } as const;
type Section = keyof typeof SECTIONS;

let validators: Record<Section, ValidateFunction> | undefined;

/** Schema checks for seed records, against the spec's own components (compiled once, on first seed). */
function sectionValidators(): Record<Section, ValidateFunction> {
  if (!validators) {
    const { exact } = createAjvPair('contenthub', spec);
    const component = (name: string) => exact.getSchema(`urn:jobs-kit:contenthub:schemas:${name}`)!;
    validators = { jobs: component('Job'), descriptions: component('JobDescription'), targets: component('JobTarget'), simulation: exact.compile(SIMULATION_SCHEMA) };
  }
  return validators;
}

function checkShape(data: unknown): SeedData | ApiError {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return new ApiError('validation_failed', 'contenthub seed data must be an object: { "jobs": [Job], "descriptions": [JobDescription], "targets": [JobTarget], "simulation": [{ job_id, readers, pickup_delay_ms }] }');
  }
  const record = data as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => !Object.hasOwn(SECTIONS, key));
  if (unknown !== undefined) return new ApiError('validation_failed', `unknown seed section "${unknown}"; use ${Object.keys(SECTIONS).join(', ')}`);
  const check = sectionValidators();
  for (const section of Object.keys(SECTIONS) as Section[]) {
    const items = record[section];
    if (items === undefined) continue;
    if (!Array.isArray(items)) return new ApiError('validation_failed', `seed section "${section}" must be an array`);
    for (const [index, item] of items.entries()) {
      if (check[section](item)) continue;
      const diagnostics = toDiagnostics('body', check[section].errors, `/${section}/${index}`);
      return new ApiError('validation_failed', `invalid seed data: ${diagnostics.map(formatDiagnostic).join('; ')}`, { diagnostics });
    }
  }
  return record as SeedData;
}

/** `POST /__admin/seed` for contenthub: API-shaped records, loaded all or nothing and put on the clock. */
export function seed(store: ContentHubStore, data: unknown, context: { clock: Clock }): { loaded: number } | ApiError {
  const shaped = checkShape(data);
  if (shaped instanceof ApiError) return shaped;
  return loadRecords(store, shaped, { shift: 0, now: context.clock.now() });
}
