import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Command, Option } from 'commander';
import { JobsKitError } from '../core/kit-error.js';

/**
 * `jobs-kit.config.json`: defaults for each command's options, keyed by command then by option
 * (camelCase, as in `--error-rate` → `errorRate`). Flags given on the command line win. JSON only:
 * a `.ts` config would need a TypeScript loader at run time, which the published CLI does not have.
 *
 *   { "serve": { "port": 4020, "clock": "manual", "auth": false },
 *     "contract": { "baseUrl": "http://127.0.0.1:4020/{api}", "reporter": ["junit=reports/contract.xml"] },
 *     "prism": { "mock": { "api": "iot" } } }
 */
export const CONFIG_FILE = 'jobs-kit.config.json';

export interface LoadedConfig {
  /** The file as the user would name it (relative to the cwd when inside it). */
  file: string;
  data: Record<string, unknown>;
}

/** Where each option set from the file came from, by long flag: lets errors name the file and key. */
const origins = new Map<string, string>();

export function configOrigin(flag: string): string | undefined {
  return origins.get(flag);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function configError(file: string, message: string, hint?: string): JobsKitError {
  return new JobsKitError('JOBSKIT_CONFIG', `${file}: ${message}`, hint);
}

/** Reads `--config FILE`, or `jobs-kit.config.json` in the cwd when there is one; undefined when neither. */
export function loadConfig(explicit: string | undefined, commandNames: readonly string[], cwd = process.cwd()): LoadedConfig | undefined {
  const path = resolve(cwd, explicit ?? CONFIG_FILE);
  const file = explicit ?? CONFIG_FILE;
  if (!existsSync(path)) {
    if (explicit === undefined) return undefined;
    throw new JobsKitError('JOBSKIT_CONFIG', `config file ${file} not found`, `looked for ${path}; check the --config path`);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw configError(file, `not valid JSON: ${reason}`, 'fix the file, or point --config at another one');
  }
  if (!isObject(data)) throw configError(file, 'must hold a JSON object keyed by command', `e.g. { "serve": { "port": 4020 } }`);
  for (const key of Object.keys(data)) {
    if (!commandNames.includes(key)) throw configError(file, `unknown key "${key}"`, `top-level keys are command names: ${commandNames.join(', ')}`);
  }
  return { file: relative(cwd, path).startsWith('..') ? path : file, data };
}

/** The section for a command: `serve` → data.serve, `prism mock` → data.prism.mock. */
function sectionFor(config: LoadedConfig, command: Command): { key: string; values: Record<string, unknown> } | undefined {
  const chain: Command[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) chain.unshift(c);
  let node: unknown = config.data;
  for (const [i, level] of chain.entries()) {
    node = (node as Record<string, unknown>)[level.name()];
    if (node === undefined) return undefined;
    const key = chain.slice(0, i + 1).map((c) => c.name()).join('.');
    if (!isObject(node)) throw configError(config.file, `"${key}" must be an object of option values`);
    if (i < chain.length - 1) {
      // A command with subcommands (prism) holds one section per subcommand.
      const allowed = level.commands.map((c) => c.name());
      for (const k of Object.keys(node)) if (!allowed.includes(k)) throw configError(config.file, `unknown key "${key}.${k}"`, `"${key}" takes ${allowed.join(', ')}`);
    }
  }
  return { key: chain.map((c) => c.name()).join('.'), values: node as Record<string, unknown> };
}

/** Turns a JSON value into what commander would have stored for the flag, or explains why it cannot. */
function coerce(option: Option, value: unknown, isList: boolean): { ok: true; value: unknown } | { ok: false; expected: string } {
  if (option.negate || option.isBoolean()) return typeof value === 'boolean' ? { ok: true, value } : { ok: false, expected: 'true or false' };
  const scalar = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
  if (isList) {
    const items = (Array.isArray(value) ? value : [value]).map(scalar);
    return items.every((i) => i !== undefined) ? { ok: true, value: items } : { ok: false, expected: 'a string or an array of strings' };
  }
  // A comma-separated flag (--api iot,exabyte) may be written as a JSON array.
  const text = Array.isArray(value) && value.every((v) => scalar(v) !== undefined) ? value.map(scalar).join(',') : scalar(value);
  return text === undefined ? { ok: false, expected: 'a string or a number' } : { ok: true, value: text };
}

/**
 * Fills the options the user did not give on the command line from the command's section of the
 * config. Unknown keys and values of the wrong type are errors naming the file and key; values of
 * the right type but out of range are caught by the command's own checks, and `fail` names the key.
 */
export function applyConfig(config: LoadedConfig, command: Command): void {
  const section = sectionFor(config, command);
  if (!section) return;
  const options = command.options.filter((o) => o.long && o.long !== '--config' && o.long !== '--help');
  for (const [key, value] of Object.entries(section.values)) {
    // --no-auth alone stores `auth`; when --x and --no-x both exist, the positive one describes the key.
    const option = options.filter((o) => o.attributeName() === key).sort((a, b) => Number(a.negate) - Number(b.negate))[0];
    if (!option) {
      const known = [...new Set(options.map((o) => o.attributeName()))].join(', ');
      throw configError(config.file, `unknown key "${section.key}.${key}"`, `${section.key} takes ${known}`);
    }
    const coerced = coerce(option, value, Array.isArray(option.defaultValue));
    if (!coerced.ok) throw configError(config.file, `"${section.key}.${key}" must be ${coerced.expected}, got ${JSON.stringify(value)}`);
    const source = command.getOptionValueSource(key);
    if (source === 'cli' || source === 'env') continue;
    command.setOptionValueWithSource(key, coerced.value, 'config');
    origins.set(option.long!, `${config.file}: "${section.key}.${key}"`);
  }
}
