/**
 * Ajv's runtime helpers for the standalone validators in src/generated/. Ajv's generated code calls
 * `require("ajv/dist/runtime/<name>").default`; CommonJS default-import interop differs between Node,
 * Vite and esbuild, so the generator points those calls at these plain ES exports instead.
 */

/** String length in Unicode code points, as JSON Schema's minLength/maxLength count it (Ajv's ucs2length). */
function ucs2length(str: string): number {
  let length = 0;
  for (let pos = 0; pos < str.length; length++) {
    const value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < str.length && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}

/** By the module name Ajv requires, in the `{ default }` shape its generated code reads. */
export const AJV_RUNTIME: Record<string, { default: unknown }> = {
  'ajv/dist/runtime/ucs2length': { default: ucs2length },
};
