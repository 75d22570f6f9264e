import { join } from 'node:path';
import { API_NAMES, type ApiName } from '../../src/core/api-module.js';
import { loadSpecFile } from '../../src/spec/load-spec-file.js';
import type { OpenApiDocument } from '../../src/spec/openapi-types.js';

export const SPECS_DIR = new URL('../../specs/', import.meta.url).pathname;

/** Each API's hand-written spec, parsed from specs/<api>.openapi.yaml. */
export function loadAllSpecs(): Array<[ApiName, OpenApiDocument]> {
  return API_NAMES.map((api) => [api, loadSpecFile(join(SPECS_DIR, `${api}.openapi.yaml`))]);
}
