import { ApiError } from '../core/api-error.js';
import type { ApiModule } from '../core/api-module.js';
import type { Principal } from '../core/principal.js';
import type { OperationSpec } from '../spec/spec-index.js';
import type { Clock } from '../state/clock.js';

export interface AuthInput {
  method: string;
  path: string;
  headers: Record<string, string>;
  query: URLSearchParams;
  operation: OperationSpec;
}

/**
 * The auth stage: public operations (`security: []`) and a mock with auth turned off get the API's
 * anonymous principal; everything else goes through the API's own scheme.
 */
export function authenticate(
  module: ApiModule<unknown>,
  store: unknown,
  clock: Clock,
  input: AuthInput,
  enforce: boolean,
): Principal | ApiError {
  if (!enforce || !input.operation.requiresAuth) return module.auth.anonymous;
  try {
    return module.auth.authenticate(input, store, clock);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}
