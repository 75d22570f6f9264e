/**
 * Stands in for `yaml` in the CLI bundle (scripts/bundle-cli.ts): the package is required from
 * node_modules the first time it is called, not when `serve` starts. The sources import `yaml`
 * statically, which the library build and browsers keep; only the Node CLI takes this shim.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let yaml: typeof Yaml | undefined;
const load = (): typeof Yaml => (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

export const parse: typeof Yaml.parse = ((...args: Parameters<typeof Yaml.parse>) => load().parse(...args)) as typeof Yaml.parse;
export const stringify: typeof Yaml.stringify = ((...args: Parameters<typeof Yaml.stringify>) => load().stringify(...args)) as typeof Yaml.stringify;
