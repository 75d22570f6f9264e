/** Documented exit codes of every jobs-kit command (docs/cli.md lists them per command). */
export const EXIT = {
  /** Success: the server stopped cleanly, the check passed, the files were written. */
  ok: 0,
  /** The command ran and found problems (contract violations, invalid fixtures). */
  failed: 1,
  /** Usage, configuration or environment error (bad flag or config key, unknown API, port in use, server unreachable). */
  usage: 2,
} as const;

/** The "Exit codes:" block at the end of a command's --help; `failed` is left out for commands that cannot find problems. */
export function exitCodesHelp(meanings: { ok: string; failed?: string; usage?: string }): string {
  const lines = [`  ${EXIT.ok}  ${meanings.ok}`];
  if (meanings.failed) lines.push(`  ${EXIT.failed}  ${meanings.failed}`);
  lines.push(`  ${EXIT.usage}  ${meanings.usage ?? 'usage, config file or environment error (one line on stderr says what to do)'}`);
  return `\nExit codes:\n${lines.join('\n')}\n`;
}
