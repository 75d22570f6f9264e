import type { ApiModule, ApiName } from '../core/api-module.js';
import { API_NAMES } from '../core/api-module.js';
import { JobsKitError } from '../core/kit-error.js';
import alteryx from './alteryx/index.js';
import contenthub from './contenthub/index.js';
import exabyte from './exabyte/index.js';
import iot from './iot/index.js';
import terrakube from './terrakube/index.js';

/** The built-in API modules, by name. */
export const BUILTIN_MODULES: Readonly<Record<ApiName, ApiModule<any>>> = { contenthub, iot, alteryx, exabyte, terrakube };

export function isApiName(name: string): name is ApiName {
  return (API_NAMES as readonly string[]).includes(name);
}

/** Modules for the given names (all five by default); an unknown name is a kit error listing the known ones. */
export function selectModules(names: readonly string[] = API_NAMES): ApiModule<any>[] {
  return names.map((name) => {
    if (!isApiName(name)) throw new JobsKitError('JOBSKIT_UNKNOWN_API', `unknown API "${name}"`, `choose from ${API_NAMES.join(', ')}`);
    return BUILTIN_MODULES[name];
  });
}
