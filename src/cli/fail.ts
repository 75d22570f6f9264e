import { isJobsKitError, JobsKitError } from '../core/kit-error.js';
import { stylesFor } from './colour.js';
import { configOrigin } from './config.js';
import { EXIT } from './exit-codes.js';
import { clearProgress } from './progress.js';

/**
 * A usage error about a flag whose value came from the config file names the file and key instead,
 * since that is where the user has to fix it.
 */
function blameConfig(error: JobsKitError): JobsKitError {
  if (error.code === 'JOBSKIT_CONFIG') return error;
  for (const [flag] of `${error.message} ${error.hint ?? ''}`.matchAll(/--[a-z][a-z-]*/g)) {
    const origin = configOrigin(flag);
    if (origin) return new JobsKitError('JOBSKIT_CONFIG', `${origin}: ${error.message}`, `fix the value in the file, or override it with ${flag}`);
  }
  return error;
}

/** Prints one line for an error and exits: kit errors with their code, anything else as unexpected. */
export function fail(error: unknown): never {
  const paint = stylesFor(process.stderr);
  clearProgress();
  if (isJobsKitError(error)) {
    const shown = blameConfig(error);
    process.stderr.write(`${paint.red('jobs-kit:')} ${shown.toLine()}\n`);
    process.exit(shown.code === 'JOBSKIT_FIXTURE_INVALID' ? EXIT.failed : EXIT.usage);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${paint.red('jobs-kit:')} unexpected error: ${message.split('\n')[0]} (run with JOBSKIT_DEBUG=1 for the stack)\n`);
  if (process.env['JOBSKIT_DEBUG']) console.error(error);
  process.exit(EXIT.usage);
}
