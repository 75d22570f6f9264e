/**
 * Every variant set the variants test runs. To add the broken variants of a real API, write
 * `test/contract/variants/<api>.ts` exporting a `VariantSet` whose `load` imports the built-in module
 * (`async () => (await import('../../../src/apis/registry.js')).BUILTIN_MODULES.iot`), and list it here.
 */
import { tinyVariantSet } from './tiny.js';
import type { VariantSet } from './variant.js';

export const VARIANT_SETS: VariantSet[] = [tinyVariantSet];
