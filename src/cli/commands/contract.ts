import type { Command } from 'commander';
import { JobsKitError } from '../../core/kit-error.js';
import type { ContractReport } from '../../contract/contract-report.js';
import { toSummary } from '../../contract/reporters/summary.js';
import { parseReporter, writeReports } from '../../contract/reporters/write-reports.js';
import { runContract, type ContractProgress } from '../../contract/run-contract.js';
import { loadSpecFile } from '../../spec/load-spec-file.js';
import { parseApis, parseInteger } from '../parse-options.js';
import { fail } from '../fail.js';
import { stylesFor } from '../colour.js';
import { EXIT, exitCodesHelp } from '../exit-codes.js';
import { createProgress } from '../progress.js';

interface ContractFlags {
  api?: string;
  spec?: string;
  baseUrl?: string;
  basePath?: string;
  header: string[];
  readOnly?: boolean;
  only?: string;
  reporter: string[];
  seed?: string;
  timeout?: string;
  admin: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `Name: value` → [name, value]; the value may itself contain colons (URLs, tokens). */
export function parseHeader(raw: string): [string, string] {
  const colon = raw.indexOf(':');
  const name = colon === -1 ? '' : raw.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new JobsKitError('JOBSKIT_USAGE', `--header takes 'Name: value', got "${raw}"`);
  return [name.toLowerCase(), raw.slice(colon + 1).trim()];
}

function progressLine(api: string, index: number, count: number, p: ContractProgress): string {
  return `[contract ${index}/${count}] ${api}: ${p.phase}, ${p.requests} requests, ${p.checks} checks, ${p.failed} failed`;
}

export function registerContract(program: Command): void {
  program
    .command('contract')
    .description("check a server against an API's spec: named examples, negative probes, response shapes, flows, paging, lifecycles")
    .option('-a, --api <names>', 'API(s) to check, comma-separated (contenthub, iot, alteryx, exabyte, terrakube)')
    .option('--spec <file>', 'check against this OpenAPI 3.1 file instead of a built-in API (give credentials with --header)')
    .option('-u, --base-url <url>', "where the API's base path starts; with several APIs put {api} where the name goes")
    .option('--base-path <path>', "override the spec's base path ('' when the server serves the paths at the root, as Prism does)")
    .option('-H, --header <header>', "'Name: value' sent with every request (repeatable); replaces the mock's dev credentials", collect, [])
    .option('--read-only', 'send only GET/HEAD/OPTIONS requests (for production servers)')
    .option('--only <operationIds>', 'check only these operations (comma-separated)')
    .option('-r, --reporter <format=path>', 'also write junit=PATH, json=PATH or markdown=PATH (repeatable)', collect, [])
    .option('-s, --seed <n>', 'seed for derived probe values (unknown ids)', '1')
    .option('--timeout <ms>', 'per-request timeout', '10000')
    .option('--no-admin', "do not use a jobs-kit mock's /__admin API (clock moves for lifecycles, resets before writing examples)")
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  npx jobs-kit serve &',
        '  npx jobs-kit contract --api iot --base-url http://127.0.0.1:4010/iot',
        '  npx jobs-kit contract --api iot,exabyte --base-url http://127.0.0.1:4010/{api} --reporter junit=reports/contract.xml',
        "  npx jobs-kit contract --api exabyte --base-url https://staging.example.com --header 'X-Auth-Token: ...' --header 'X-Account-Id: ...' --read-only",
        "  npx jobs-kit contract --api iot --base-url http://127.0.0.1:4010 --base-path ''   # against npx jobs-kit prism mock --api iot",
        '  npx jobs-kit contract --spec my-api.yaml --base-url http://localhost:8080 --only getJob,listJobs --reporter markdown="$GITHUB_STEP_SUMMARY"',
        exitCodesHelp({ ok: 'every check passed (or was skipped)', failed: 'violations found (listed on stdout and in the reports)', usage: 'usage, config file or connection error (one line on stderr says what to do)' }),
      ].join('\n'),
    )
    .action(async (flags: ContractFlags) => {
      try {
        if (!flags.baseUrl) throw new JobsKitError('JOBSKIT_USAGE', '--base-url is required', 'e.g. --base-url http://127.0.0.1:4010/iot');
        if ((flags.api === undefined) === (flags.spec === undefined)) throw new JobsKitError('JOBSKIT_USAGE', 'give --api NAME or --spec FILE (one of them)');
        const sources = flags.spec ? [loadSpecFile(flags.spec)] : parseApis(flags.api);
        if (sources.length > 1 && !flags.baseUrl.includes('{api}')) throw new JobsKitError('JOBSKIT_USAGE', 'with several APIs, --base-url needs {api} where each name goes', 'e.g. http://127.0.0.1:4010/{api}');
        const reporters = flags.reporter.map(parseReporter);
        const headers = flags.header.length > 0 ? Object.fromEntries(flags.header.map(parseHeader)) : undefined;
        const seed = parseInteger('--seed', flags.seed, 0, 2 ** 32 - 1)!;
        const timeoutMs = parseInteger('--timeout', flags.timeout, 1, 600_000)!;
        const only = flags.only?.split(',').map((s) => s.trim()).filter(Boolean);
        const progress = createProgress();
        const reports: ContractReport[] = [];
        for (const [i, api] of sources.entries()) {
          const name = typeof api === 'string' ? api : 'spec';
          const report = await runContract({
            api,
            baseUrl: flags.baseUrl.split('{api}').join(name),
            basePath: flags.basePath,
            headers,
            readOnly: flags.readOnly ?? false,
            only,
            seed,
            timeoutMs,
            admin: flags.admin ? 'auto' : 'off',
            onProgress: (p) => progress.update(progressLine(name, i + 1, sources.length, p)),
          });
          progress.done();
          reports.push(report);
        }
        process.stdout.write(toSummary(reports, stylesFor(process.stdout)));
        writeReports(reports, reporters);
        process.exitCode = reports.every((r) => r.ok) ? EXIT.ok : EXIT.failed;
      } catch (error) {
        fail(error);
      }
    });
}
