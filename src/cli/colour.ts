/**
 * Whether a stream gets ANSI colours: only a terminal, never with NO_COLOR set (no-color.org: any
 * non-empty value) or FORCE_COLOR=0/false. FORCE_COLOR=1 asks for colours even when piped (CI logs
 * that render them). main.ts hands the same rule to commander for its help, so help and output agree.
 */
export function wantsColour(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): boolean {
  if (env['NO_COLOR']) return false;
  const force = env['FORCE_COLOR'];
  if (force === '0' || force === 'false') return false;
  if (force !== undefined) return true;
  return stream.isTTY === true;
}

const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const plain = (text: string) => text;

/** Styles for one stream, decided once: identity functions when it gets no colour. */
export function stylesFor(stream: { isTTY?: boolean }, env?: Record<string, string | undefined>) {
  const on = wantsColour(stream, env);
  return {
    on,
    bold: on ? sgr(1, 22) : plain,
    dim: on ? sgr(2, 22) : plain,
    red: on ? sgr(31, 39) : plain,
    green: on ? sgr(32, 39) : plain,
    yellow: on ? sgr(33, 39) : plain,
    cyan: on ? sgr(36, 39) : plain,
  };
}
