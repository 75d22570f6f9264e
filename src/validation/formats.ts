import { fullFormats } from 'ajv-formats/dist/formats.js';

/**
 * The formats every validator knows: ajv-formats' full set, which includes OpenAPI's int32, int64,
 * float, double, byte, binary and password. One object, imported by name, so validators compiled at
 * generate time (Ajv standalone code) and at run time use the same definitions.
 */
export const jobsKitFormats = fullFormats;
