import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { JobsKitError } from '../core/kit-error.js';
import type { OpenApiDocument } from './openapi-types.js';

/**
 * Reads and parses a spec file (YAML or JSON). Node-only: the engine itself uses the specs compiled
 * into `src/generated/*.spec.ts`, so browsers never touch the file system.
 */
export function loadSpecFile(file: string): OpenApiDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new JobsKitError('JOBSKIT_SPEC_NOT_FOUND', `cannot read spec ${file}: ${code ?? String(error)}`, 'check the path; specs live in specs/<api>.openapi.yaml');
  }
  let document: unknown;
  try {
    document = parse(text, { prettyErrors: false });
  } catch (error) {
    const first = String((error as Error).message).split('\n')[0];
    throw new JobsKitError('JOBSKIT_SPEC_MALFORMED', `spec ${file} is not valid YAML/JSON: ${first}`);
  }
  return assertOpenApiDocument(document, file);
}

export function assertOpenApiDocument(document: unknown, source: string): OpenApiDocument {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new JobsKitError('JOBSKIT_SPEC_MALFORMED', `spec ${source} is not an object`);
  }
  const doc = document as Partial<OpenApiDocument>;
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    throw new JobsKitError('JOBSKIT_SPEC_MALFORMED', `spec ${source} is not OpenAPI 3.1 (openapi: ${JSON.stringify(doc.openapi)})`);
  }
  if (typeof doc.paths !== 'object' || doc.paths === null) {
    throw new JobsKitError('JOBSKIT_SPEC_MALFORMED', `spec ${source} has no paths`);
  }
  return doc as OpenApiDocument;
}
