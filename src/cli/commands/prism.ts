import type { Command } from 'commander';
import { isApiName } from '../../apis/registry.js';
import { API_NAMES } from '../../core/api-module.js';
import { JobsKitError } from '../../core/kit-error.js';
import { PRISM_VERSION, spawnPrism, specPath } from '../../contract/prism.js';
import { parseInteger } from '../parse-options.js';
import { fail } from '../fail.js';
import { EXIT, exitCodesHelp } from '../exit-codes.js';

interface PrismFlags {
  api?: string;
  port: string;
  host: string;
  upstream?: string;
}

function apiSpec(name: string | undefined): string {
  // Not a commander requiredOption: those are checked before the config file can supply a value.
  if (name === undefined) throw new JobsKitError('JOBSKIT_USAGE', '--api is required', `choose from ${API_NAMES.join(', ')}, e.g. --api iot`);
  if (!isApiName(name)) throw new JobsKitError('JOBSKIT_UNKNOWN_API', `unknown API "${name}"`, `--api takes ${API_NAMES.join(', ')}`);
  return specPath(name);
}

/** Runs Prism in the foreground: its output is ours, Ctrl-C and SIGTERM reach it, its exit code is ours. */
function run(mode: 'mock' | 'proxy', flags: PrismFlags): void {
  if (mode === 'proxy' && !flags.upstream) throw new JobsKitError('JOBSKIT_USAGE', 'prism proxy needs --upstream URL', 'the server to forward to, e.g. --upstream http://127.0.0.1:4011');
  const child = spawnPrism({ mode, spec: apiSpec(flags.api), port: parseInteger('--port', flags.port, 0, 65535)!, host: flags.host, upstream: flags.upstream, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? EXIT.ok : EXIT.usage)));
}

const PRISM_EXIT_CODES = exitCodesHelp({ ok: 'Prism stopped on Ctrl-C/SIGTERM', usage: 'usage or config file error; otherwise Prism\'s own non-zero exit code (e.g. port in use)' });

export function registerPrism(program: Command): void {
  const prism = program
    .command('prism')
    .description(`run Stoplight Prism ${PRISM_VERSION} on the project's spec of an API (a stateless mock or a validating proxy)`)
    .addHelpText('after', ['', 'Examples:', '  npx jobs-kit prism mock --api iot', '  npx jobs-kit prism proxy --api iot --upstream https://iot.example', '  npx jobs-kit prism mock --help', PRISM_EXIT_CODES].join('\n'));
  const common = (command: Command) =>
    command
      .option('-a, --api <name>', `the API whose spec Prism serves (${API_NAMES.join(', ')})`)
      .option('-p, --port <port>', 'port Prism listens on', '4010')
      .option('-H, --host <host>', 'interface Prism binds', '127.0.0.1');
  common(prism.command('mock').description('answer requests from the spec examples, as Prism does (no state)'))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  npx jobs-kit prism mock --api iot',
        '  npx jobs-kit prism mock --api exabyte --port 4020',
        '',
        'Prism serves the spec paths at the root, without the servers[0] base path.',
        PRISM_EXIT_CODES,
      ].join('\n'),
    )
    .action((flags: PrismFlags) => {
      try {
        run('mock', flags);
      } catch (error) {
        fail(error);
      }
    });
  common(prism.command('proxy').description('forward requests to --upstream and report where requests and responses break the spec'))
    .option('--upstream <url>', 'the server to forward to (request paths are appended to it)')
    .addHelpText(
      'after',
      ['', 'Examples:', '  npx jobs-kit serve --api iot --port 4011 &', '  npx jobs-kit prism proxy --api iot --upstream http://127.0.0.1:4011', PRISM_EXIT_CODES].join('\n'),
    )
    .action((flags: PrismFlags) => {
      try {
        run('proxy', flags);
      } catch (error) {
        fail(error);
      }
    });
}
