import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobsKitError } from '../../src/core/kit-error.js';
import { loadSpecFile } from '../../src/spec/load-spec-file.js';

const dir = mkdtempSync(join(tmpdir(), 'jobs-kit-spec-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const kitError = (fn: () => unknown): JobsKitError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof JobsKitError) return error;
    throw error;
  }
  throw new Error('expected a JobsKitError');
};

describe('spec loading: bad spec files are kit errors with one-line messages', () => {
  it('names a missing file with JOBSKIT_SPEC_NOT_FOUND', () => {
    const error = kitError(() => loadSpecFile(join(dir, 'missing.yaml')));
    expect(error.code).toBe('JOBSKIT_SPEC_NOT_FOUND');
    expect(error.toLine()).toMatch(/^JOBSKIT_SPEC_NOT_FOUND: cannot read spec .*missing\.yaml: ENOENT/);
    expect(error.toLine()).not.toContain('\n');
  });
  it('reports YAML that does not parse with JOBSKIT_SPEC_MALFORMED', () => {
    const error = kitError(() => loadSpecFile(write('broken.yaml', 'openapi: 3.1.0\npaths: {\n  /a: [\n')));
    expect(error.code).toBe('JOBSKIT_SPEC_MALFORMED');
    expect(error.toLine()).not.toContain('\n');
  });
  it('refuses a document that is not OpenAPI 3.1', () => {
    expect(kitError(() => loadSpecFile(write('swagger.yaml', 'swagger: "2.0"\npaths: {}\n'))).message).toMatch(/not OpenAPI 3\.1/);
    expect(kitError(() => loadSpecFile(write('list.yaml', '- 1\n- 2\n'))).code).toBe('JOBSKIT_SPEC_MALFORMED');
    expect(kitError(() => loadSpecFile(write('nopaths.yaml', 'openapi: 3.1.0\ninfo: {title: x, version: "1"}\n'))).message).toMatch(/no paths/);
  });
});
