import type { Command } from 'commander';
import { isApiName } from '../../apis/registry.js';
import { API_NAMES } from '../../core/api-module.js';
import { JobsKitError } from '../../core/kit-error.js';
import { PRISM_VERSION, spawnPrism, specPath } from '../../contract/prism.js';
import { parseInteger } from '../parse-options.js';
import { fail } from '../fail.js';
import { EXIT } from '../exit-codes.js';

interface PrismFlags {
  api: string;
  port: string;
  host: string;
  upstream?: string;
}

function apiSpec(name: string): string {
  if (!isApiName(name)) throw new JobsKitError('JOBSKIT_UNKNOWN_API', `unknown API "${name}"`, `choose from ${API_NAMES.join(', ')}`);
  return specPath(name);
}

/** Runs Prism in the foreground: its output is ours, Ctrl-C and SIGTERM reach it, its exit code is ours. */
function run(mode: 'mock' | 'proxy', flags: PrismFlags): void {
  const child = spawnPrism({ mode, spec: apiSpec(flags.api), port: parseInteger('--port', flags.port, 0, 65535)!, host: flags.host, upstream: flags.upstream, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? EXIT.ok : EXIT.usage)));
}

export function registerPrism(program: Command): void {
  const prism = program
    .command('prism')
    .description(`run Stoplight Prism ${PRISM_VERSION} on the project's spec of an API (a stateless mock or a validating proxy)`);
  const common = (command: Command) =>
    command
      .requiredOption('-a, --api <name>', `the API whose spec Prism serves (${API_NAMES.join(', ')})`)
      .option('-p, --port <port>', 'port Prism listens on', '4010')
      .option('-H, --host <host>', 'interface Prism binds', '127.0.0.1');
  common(prism.command('mock').description('answer requests from the spec examples, as Prism does (no state)'))
    .addHelpText('after', '\nExamples:\n  npx jobs-kit prism mock --api iot\n  npx jobs-kit prism mock --api exabyte --port 4020\n\nPrism serves the spec paths at the root, without the servers[0] base path.\n')
    .action((flags: PrismFlags) => {
      try {
        run('mock', flags);
      } catch (error) {
        fail(error);
      }
    });
  common(prism.command('proxy').description('forward requests to --upstream and report where requests and responses break the spec'))
    .requiredOption('--upstream <url>', 'the server to forward to (request paths are appended to it)')
    .addHelpText('after', '\nExamples:\n  npx jobs-kit serve --api iot --port 4011 &\n  npx jobs-kit prism proxy --api iot --upstream http://127.0.0.1:4011\n')
    .action((flags: PrismFlags) => {
      try {
        run('proxy', flags);
      } catch (error) {
        fail(error);
      }
    });
}
