import { takeUnexpectedExits } from './children.js';

/**
 * What a run found besides figures. `problems` are things that are broken (the run exits non-zero);
 * `warnings` are worth reading but do not fail it (a missed target is neither: it is a figure).
 */
export interface Recorder {
  problems: string[];
  warnings: string[];
  log(line: string): void;
}

export function createRecorder(): Recorder {
  return { problems: [], warnings: [], log: (line) => process.stderr.write(`[bench] ${line}\n`) };
}

/** An error's message plus the last output of any child that died on its own meanwhile. */
export function describeFailure(error: unknown): string {
  const exits = takeUnexpectedExits();
  return `${(error as Error).message ?? String(error)}${exits.length > 0 ? `\n${exits.join('\n')}` : ''}`;
}
