import type { Command } from 'commander';
import { setFlagsFromString } from 'node:v8';
import { BUILTIN_MODULES } from '../../apis/registry.js';
import { JobsKitError } from '../../core/kit-error.js';
import { createMockServer } from '../../doors/node-server.js';
import { DEFAULT_MAX_BODY_BYTES } from '../../engine/engine-options.js';
import { DEFAULT_MAX_JOBS } from '../../engine/job-capacity.js';
import { openDurableState } from '../../persistence/durable-state.js';
import { indexSpec } from '../../spec/spec-index.js';
import { parseApis, parseChoice, parseInteger, parseLatencyFlag, parseOperationLatency } from '../parse-options.js';
import { fail } from '../fail.js';
import { EXIT, exitCodesHelp } from '../exit-codes.js';

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
  state?: string;
  maxBodyBytes?: string;
  maxHeaderBytes?: string;
  requestTimeout?: string;
  keepAliveTimeout?: string;
  maxJobs?: string;
  heapGrowth?: string;
}

/**
 * How far V8 may let the heap grow past what the last full GC kept before it collects again. V8's own
 * factor adapts up to 4x under a high allocation rate: the soak saw a mock with a flat 40-60 MiB of live
 * heap hold 120-176 MiB, swinging RSS by a third between collections. A mock under a load test should
 * hold what it needs; 30 % kept RSS within 135-151 MiB on the same soak, at no cost in req/s. The flag is
 * read at every limit computation, so setting it at start-up takes effect for this process.
 */
const DEFAULT_HEAP_GROWTH_PERCENT = 30;

function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
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
    .option('--state <file>', 'keep state in FILE: restored on start, saved (atomically) on every change and on exit')
    .option('--max-body-bytes <n>', 'largest request body accepted (413 past it)', String(DEFAULT_MAX_BODY_BYTES))
    .option('--max-header-bytes <n>', 'largest request head accepted (431 past it)', '16384')
    .option('--request-timeout <ms>', 'answer 408 and close when a request has not fully arrived in this time', '30000')
    .option('--keep-alive-timeout <ms>', 'close connections idle between requests for this long', '5000')
    .option('--max-jobs <n>', 'jobs each API keeps; past it the oldest are evicted (counted in GET /__admin/stats)', String(DEFAULT_MAX_JOBS))
    .option('--heap-growth <percent>', "how far the V8 heap may grow past its live size before a full GC (0: V8's adaptive factor, up to 4x under load)", String(DEFAULT_HEAP_GROWTH_PERCENT))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  npx jobs-kit serve                                   # all five APIs under http://127.0.0.1:4010/<api>',
        '  npx jobs-kit serve --api iot --port 8080             # one API at the root, as the real service lays it out',
        '  npx jobs-kit serve --clock manual --latency 20-200 --no-auth',
        '  npx jobs-kit serve --latency-op listJobs=500 --error-rate 5',
        exitCodesHelp({ ok: 'stopped cleanly on Ctrl-C/SIGTERM', usage: 'usage, config file or environment error, e.g. port in use (one line on stderr)' }),
      ].join('\n'),
    )
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
        const engineOptions = {
          apis,
          seed: parseInteger('--seed', flags.seed, 0, 2 ** 32 - 1)!,
          auth: flags.auth,
          clock: parseChoice('--clock', flags.clock, ['real', 'manual'] as const)!,
          latency: parseLatencyFlag(flags.latency),
          operationLatency,
          faults: errorRate ? { rate: errorRate / 100, status: 500 } : undefined,
          fixtures: flags.fixtures,
          journalSize: parseInteger('--journal-size', flags.journalSize, 0, 1_000_000)!,
          maxBodyBytes: parseInteger('--max-body-bytes', flags.maxBodyBytes, 1, 2 ** 31 - 1)!,
          maxJobs: parseInteger('--max-jobs', flags.maxJobs, 1, 10_000_000)!,
        };
        const heapGrowth = parseInteger('--heap-growth', flags.heapGrowth, 0, 1000)!;
        const durable = flags.state === undefined ? undefined : openDurableState(flags.state, engineOptions);
        const mock = createMockServer({
          ...engineOptions,
          engine: durable?.engine,
          adminApi: durable?.admin,
          adminToken: flags.adminToken,
          mount,
          maxHeaderSize: parseInteger('--max-header-bytes', flags.maxHeaderBytes, 1024, 1024 * 1024)!,
          requestTimeout: parseInteger('--request-timeout', flags.requestTimeout, 1, 3_600_000)!,
          keepAliveTimeout: parseInteger('--keep-alive-timeout', flags.keepAliveTimeout, 1, 3_600_000)!,
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
        if (durable) lines.push(`  state      ${flags.state} (${durable.restored} logged changes restored)`);
        let stopping = false;
        const stop = (signal: string) => {
          // A second Ctrl-C while closing means "now" (the state file was already written by the first).
          if (stopping) return process.exit(EXIT.ok);
          stopping = true;
          process.stdout.write(`received ${signal}, closing\n`);
          durable?.close();
          void mock.close().then(() => process.exit(EXIT.ok));
          setTimeout(() => process.exit(EXIT.ok), 3000).unref();
        };
        // Before the banner: a supervisor may stop the server as soon as it reads it.
        process.on('SIGINT', () => stop('SIGINT'));
        process.on('SIGTERM', () => stop('SIGTERM'));
        process.stdout.write(`${lines.join('\n')}\n`);
        // Start-up is done: bin/jobs-kit.js saves its code cache now, under the flags the next start-up
        // compiles with, so the heap flag comes after (it only matters under load anyway).
        (process as NodeJS.EventEmitter).emit('jobs-kit:started');
        limitHeapGrowth(heapGrowth);
      } catch (error) {
        fail(error);
      }
    });
}
