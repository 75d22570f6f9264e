/**
 * Stands in for `ajv/dist/2020.js` in the CLI bundle (scripts/bundle-cli.ts): Ajv is required from
 * node_modules when the first instance is made (a spec without precompiled validators, the first
 * /__admin/seed), not when `serve` starts. Library and browser builds import Ajv as the sources do.
 */
import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv/dist/2020.js';

let ajv: typeof AjvModule | undefined;
const load = (): typeof AjvModule => (ajv ??= createRequire(import.meta.url)('ajv/dist/2020.js') as typeof AjvModule);

// `new Ajv2020(options)` on this function returns the real instance (a constructor may return an object).
export const Ajv2020 = function Ajv2020(...args: ConstructorParameters<typeof AjvModule.Ajv2020>) {
  return new (load().Ajv2020)(...args);
} as unknown as typeof AjvModule.Ajv2020;

export const _: typeof AjvModule._ = ((...args: Parameters<typeof AjvModule._>) => load()._(...args)) as typeof AjvModule._;
