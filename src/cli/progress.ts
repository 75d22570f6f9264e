/**
 * A one-line progress indicator for long runs (contract, fixtures, bench). It rewrites a single
 * stderr line, and only when stderr is a terminal: piped output and CI logs never see it, so stdout
 * stays clean for reports and scripts.
 */
export interface Progress {
  /** Replaces the line with this text. */
  update(text: string): void;
  /** Clears the line (call before printing results). */
  done(): void;
}

/** The indicator whose line is on screen now, so an error can clear it before printing. */
let showing: Progress | undefined;

export function createProgress(stream: { isTTY?: boolean; write(text: string): unknown } = process.stderr): Progress {
  if (stream.isTTY !== true) return { update() {}, done() {} };
  const progress: Progress = {
    update(text) {
      stream.write(`\r\x1b[K${text}`);
      showing = progress;
    },
    done() {
      if (showing !== progress) return;
      stream.write('\r\x1b[K');
      showing = undefined;
    },
  };
  return progress;
}

/** Clears whatever progress line is showing (errors start on a clean line). */
export function clearProgress(): void {
  showing?.done();
}
