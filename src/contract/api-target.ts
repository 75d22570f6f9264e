import type { ApiModule, ApiName } from '../core/api-module.js';
import { API_NAMES } from '../core/api-module.js';
import { JobsKitError } from '../core/kit-error.js';
import type { OpenApiDocument } from '../spec/openapi-types.js';
import { compileModule, compileSpec, documentName, type CompiledSpec } from './compiled-spec.js';

/** What the contract tools can be pointed at: a built-in API by name, an API module, or any spec. */
export type ApiSource = ApiName | ApiModule<any> | OpenApiDocument;

export interface ApiTarget extends CompiledSpec {
  /** Credentials a freshly seeded jobs-kit mock accepts (empty for a bare spec). */
  devHeaders: Record<string, string>;
}

function isModule(source: ApiModule<any> | OpenApiDocument): source is ApiModule<any> {
  return 'handlers' in source && 'spec' in source;
}

/**
 * Resolves an API source. The registry of the five APIs is imported only when a name is given, so
 * the runner can check a bare spec (or a test API) without loading the built-in modules.
 */
export async function resolveApiTarget(source: ApiSource): Promise<ApiTarget> {
  let module: ApiModule<any> | undefined;
  if (typeof source === 'string') {
    if (!(API_NAMES as readonly string[]).includes(source)) {
      throw new JobsKitError('JOBSKIT_UNKNOWN_API', `unknown API "${source}"`, `choose from ${API_NAMES.join(', ')}`);
    }
    const { BUILTIN_MODULES } = await import('../apis/registry.js');
    module = BUILTIN_MODULES[source];
  } else if (isModule(source)) module = source;
  if (module) {
    const first = module.auth.devCredentials()[0];
    return { ...compileModule(module), devHeaders: lowerKeys(first?.headers ?? {}) };
  }
  const document = source as OpenApiDocument;
  return { ...compileSpec(documentName(document), document), devHeaders: {} };
}

export function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * Header names that carry credentials, from the spec's security schemes: `Authorization` for http,
 * oauth2 and openIdConnect schemes, the named header for apiKey-in-header. The "no credentials"
 * probe drops exactly these, so other headers a user passes (tenants, tracing) still go through.
 */
export function credentialHeaderNames(document: OpenApiDocument): Set<string> {
  const names = new Set<string>();
  for (const scheme of Object.values(document.components?.securitySchemes ?? {})) {
    const s = scheme as { type?: string; in?: string; name?: string };
    if (s.type === 'apiKey' && s.in === 'header' && s.name) names.add(s.name.toLowerCase());
    else if (s.type === 'http' || s.type === 'oauth2' || s.type === 'openIdConnect') names.add('authorization');
  }
  return names;
}
