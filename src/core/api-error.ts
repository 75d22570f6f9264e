import type { Diagnostic } from './diagnostic.js';

/**
 * Kit-level codes for API errors. Shared code raises these; each API's `errors.ts` renders them
 * into that API's own envelope and may pick a different HTTP status where the real service does.
 */
export type ApiErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'not_acceptable'
  | 'too_many_requests'
  | 'internal'
  | 'not_implemented'
  | 'service_unavailable';

export const DEFAULT_STATUS: Readonly<Record<ApiErrorCode, number>> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_acceptable: 406,
  too_many_requests: 429,
  internal: 500,
  not_implemented: 501,
  service_unavailable: 503,
};

export interface ApiErrorOptions {
  /** Overrides the default status for the code (e.g. an API that answers 422 for validation). */
  status?: number;
  /** Validation findings behind a `validation_failed`. */
  diagnostics?: Diagnostic[];
  /** Extra headers (e.g. `Allow` on a 405, `Retry-After` on a 503). */
  headers?: Record<string, string>;
  /** API-specific detail an `errors.ts` may use (e.g. AWS's exception name). */
  detail?: Record<string, unknown>;
  /**
   * Raised by jobs-kit's own machinery on the user's request (an injected fault, an unknown `Prefer`
   * example) rather than by the API's behaviour: not held to the operation's documented statuses.
   */
  fromKit?: boolean;
}

/** An error the API itself would answer with. A value handlers return (or throw). */
export class ApiError {
  readonly status: number;
  readonly diagnostics: Diagnostic[];
  readonly headers: Record<string, string>;
  readonly detail: Record<string, unknown>;
  readonly fromKit: boolean;

  constructor(
    readonly code: ApiErrorCode,
    readonly message: string,
    options: ApiErrorOptions = {},
  ) {
    this.status = options.status ?? DEFAULT_STATUS[code];
    this.diagnostics = options.diagnostics ?? [];
    this.headers = options.headers ?? {};
    this.detail = options.detail ?? {};
    this.fromKit = options.fromKit ?? false;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
