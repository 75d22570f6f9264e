/**
 * Every variant set the variants test runs: deliberately broken copies of the tiny test API and of the
 * five built-in APIs, each of which the contract runner must catch with a named check.
 */
import { alteryxVariantSet } from './alteryx.js';
import { contenthubVariantSet } from './contenthub.js';
import { exabyteVariantSet } from './exabyte.js';
import { iotVariantSet } from './iot.js';
import { terrakubeVariantSet } from './terrakube.js';
import { tinyVariantSet } from './tiny.js';
import type { VariantSet } from './variant.js';

export const VARIANT_SETS: VariantSet[] = [tinyVariantSet, contenthubVariantSet, iotVariantSet, alteryxVariantSet, exabyteVariantSet, terrakubeVariantSet];
