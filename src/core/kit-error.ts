/**
 * Kit errors: something is wrong with how jobs-kit itself was used (a missing spec file, a bad CLI
 * flag, a port in use). They carry a stable `JOBSKIT_*` code and a one-line message a user can act
 * on; the CLI prints the message and exits non-zero. They are never rendered into an API envelope.
 */
export type KitErrorCode =
  | 'JOBSKIT_SPEC_NOT_FOUND'
  | 'JOBSKIT_SPEC_MALFORMED'
  | 'JOBSKIT_SPEC_INVALID'
  | 'JOBSKIT_UNKNOWN_API'
  | 'JOBSKIT_UNKNOWN_OPERATION'
  | 'JOBSKIT_USAGE'
  | 'JOBSKIT_PORT_IN_USE'
  | 'JOBSKIT_CONNECTION'
  | 'JOBSKIT_NOT_IMPLEMENTED'
  | 'JOBSKIT_FIXTURE_INVALID'
  | 'JOBSKIT_STATE_FILE'
  | 'JOBSKIT_CONFIG';

export class JobsKitError extends Error {
  override readonly name = 'JobsKitError';
  constructor(
    readonly code: KitErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }

  /** One line for a terminal: `code: message (hint)`. */
  toLine(): string {
    return `${this.code}: ${this.message}${this.hint ? ` (${this.hint})` : ''}`;
  }
}

export function isJobsKitError(value: unknown): value is JobsKitError {
  return value instanceof JobsKitError;
}
