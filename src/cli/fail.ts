import { isJobsKitError } from '../core/kit-error.js';
import { EXIT } from './exit-codes.js';

/** Prints one line for an error and exits: kit errors with their code, anything else as unexpected. */
export function fail(error: unknown): never {
  if (isJobsKitError(error)) {
    process.stderr.write(`jobs-kit: ${error.toLine()}\n`);
    process.exit(error.code === 'JOBSKIT_FIXTURE_INVALID' ? EXIT.failed : EXIT.usage);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`jobs-kit: unexpected error: ${message.split('\n')[0]} (run with JOBSKIT_DEBUG=1 for the stack)\n`);
  if (process.env['JOBSKIT_DEBUG']) console.error(error);
  process.exit(EXIT.usage);
}
