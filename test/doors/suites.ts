import type { ApiName } from '../../src/core/api-module.js';
import type { ApiSuite } from '../conformance/door.js';
import { alteryxSuite } from '../conformance/alteryx.suite.js';
import { contenthubSuite } from '../conformance/contenthub.suite.js';
import { exabyteSuite } from '../conformance/exabyte.suite.js';
import { iotSuite } from '../conformance/iot.suite.js';
import { terrakubeSuite } from '../conformance/terrakube.suite.js';

/** Every API's conformance suite, written once and run through every door. */
export const SUITES: ReadonlyArray<[ApiName, ApiSuite]> = [
  ['contenthub', contenthubSuite],
  ['iot', iotSuite],
  ['alteryx', alteryxSuite],
  ['exabyte', exabyteSuite],
  ['terrakube', terrakubeSuite],
];
