/** Documented exit codes of every jobs-kit command. */
export const EXIT = {
  /** Success: the server stopped cleanly, the check passed, the files were written. */
  ok: 0,
  /** The command ran and found problems (contract violations, stale files). */
  failed: 1,
  /** Usage, configuration or environment error (bad flag, unknown API, port in use, server unreachable). */
  usage: 2,
} as const;
