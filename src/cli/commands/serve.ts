import type { Command } from 'commander';
import { BUILTIN_MODULES } from '../../apis/registry.js';
import { JobsKitError } from '../../core/kit-error.js';
import { createMockServer } from '../../doors/node-server.js';
import { indexSpec } from '../../spec/spec-index.js';
import { parseApis, parseChoice, parseInteger, parseLatencyFlag, parseOperationLatency } from '../parse-options.js';
import { fail } from '../fail.js';
import { EXIT } from '../exit-codes.js';

interface ServeFlags {
  port?: string;
  host?: string;
  api?: string;
  seed?: string;
  auth: boolean;
  clock?: string;
  latency?: string;
  latencyOp: string[];
  errorRate?: string;
  fixtures: boolean;
  adminToken?: string;
  journalSize?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the stateful mock of the Jobs APIs as an HTTP server')
    .option('-p, --port <port>', 'port to listen on', '4010')
    .option('-H, --host <host>', 'interface to bind (the admin API stays local-only without --admin-token)', '127.0.0.1')
    .option('-a, --api <names>', 'comma-separated APIs to serve (default: all five; a single API is served at the root)')
    .option('-s, --seed <n>', 'seed for ids and simulated outcomes', '1')
    .option('--no-auth', "do not enforce the APIs' auth (every request acts as the default user)")
    .option('--clock <mode>', 'real: follows wall time (can still be advanced); manual: moves only when advanced', 'real')
    .option('--latency <ms>', 'delay every response by MS or a random MIN-MAX')
    .option('--latency-op <operationId=ms>', 'delay one operation (repeatable), e.g. --latency-op listJobs=200-800', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--error-rate <percent>', 'answer this percentage of requests with an injected 500 in the API shape')
    .option('--no-fixtures', 'start with empty stores instead of the committed fixtures')
    .option('--admin-token <token>', 'require this token for /__admin/* (needed to reach admin from other hosts)')
    .option('--journal-size <n>', 'how many requests the journal keeps', '1000')
    .addHelpText('after', '\nExamples:\n  npx jobs-kit serve\n  npx jobs-kit serve --api iot --port 8080\n  npx jobs-kit serve --clock manual --latency 20-200 --no-auth\n  npx jobs-kit serve --latency-op listJobs=500 --error-rate 5\n')
    .action(async (flags: ServeFlags) => {
      try {
        const apis = parseApis(flags.api);
        const port = parseInteger('--port', flags.port, 0, 65535)!;
        const errorRate = parseInteger('--error-rate', flags.errorRate, 0, 100);
        const mount = apis.length === 1 ? 'root' : 'prefixed';
        const operationLatency = parseOperationLatency(flags.latencyOp);
        const known = new Set(apis.flatMap((api) => indexSpec(api, BUILTIN_MODULES[api].spec).operations.map((o) => o.operationId)));
        const unknown = Object.keys(operationLatency).filter((id) => !known.has(id));
        if (unknown.length > 0) throw new JobsKitError('JOBSKIT_USAGE', `--latency-op names no operation of ${apis.join(', ')}: ${unknown.join(', ')}`, 'operation ids are in the specs (operationId)');
        const mock = createMockServer({
          apis,
          seed: parseInteger('--seed', flags.seed, 0, 2 ** 32 - 1)!,
          auth: flags.auth,
          clock: parseChoice('--clock', flags.clock, ['real', 'manual'] as const)!,
          latency: parseLatencyFlag(flags.latency),
          operationLatency,
          faults: errorRate ? { rate: errorRate / 100, status: 500 } : undefined,
          fixtures: flags.fixtures,
          adminToken: flags.adminToken,
          journalSize: parseInteger('--journal-size', flags.journalSize, 0, 1_000_000)!,
          mount,
        });
        const { url } = await mock.listen(port, flags.host ?? '127.0.0.1');
        const lines = [`jobs-kit mock listening on ${url} (clock ${mock.engine.clock.mode}, seed ${mock.engine.seed}, auth ${flags.auth ? 'on' : 'off'})`];
        for (const api of apis) {
          const module = mock.engine.module(api);
          lines.push(`  ${api.padEnd(10)} ${url}${mount === 'root' ? '' : `/${api}`}${mock.engine.basePath(api)}   ${module.title}`);
          if (flags.auth) {
            for (const credential of module.auth.devCredentials()) {
              const headers = Object.entries(credential.headers).map(([name, value]) => `-H '${name}: ${value}'`).join(' ');
              lines.push(`  ${''.padEnd(10)}   dev credential: ${credential.description}\n  ${''.padEnd(10)}     ${headers}`);
            }
          }
        }
        lines.push(`  admin      ${url}/__admin/health${mock.server.listening && (flags.host === '127.0.0.1' || flags.host === 'localhost' || flags.adminToken) ? '' : '  (off: non-local bind without --admin-token)'}`);
        process.stdout.write(`${lines.join('\n')}\n`);
        const stop = (signal: string) => {
          process.stdout.write(`received ${signal}, closing\n`);
          void mock.close().then(() => process.exit(EXIT.ok));
          setTimeout(() => process.exit(EXIT.ok), 3000).unref();
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      } catch (error) {
        fail(error);
      }
    });
}
