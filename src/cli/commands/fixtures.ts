import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { BUILTIN_MODULES } from '../../apis/registry.js';
import { renderFixtureFiles } from '../../fixtures/render-fixtures.js';
import { parseApis, parseInteger } from '../parse-options.js';
import { fail } from '../fail.js';
import { exitCodesHelp } from '../exit-codes.js';
import { createProgress } from '../progress.js';

export function registerFixtures(program: Command): void {
  program
    .command('fixtures')
    .description('write seeded, schema-checked fixtures for the APIs as JSON files')
    .option('-s, --seed <n>', 'seed (the committed fixtures use 1)', '1')
    .option('-o, --out <dir>', 'output folder (one sub-folder per API)', 'fixtures')
    .option('-a, --api <names>', 'comma-separated APIs (default: all five)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  npx jobs-kit fixtures                                  # all five APIs, seed 1, into ./fixtures',
        '  npx jobs-kit fixtures --seed 42 --out /tmp/fx --api iot,exabyte',
        exitCodesHelp({ ok: 'the files were written', failed: 'a generated item broke its schema (the line names the file, item and path)' }),
      ].join('\n'),
    )
    .action(async (flags: { seed: string; out: string; api?: string }) => {
      try {
        const seed = parseInteger('--seed', flags.seed, 0, 2 ** 32 - 1)!;
        let count = 0;
        const apis = parseApis(flags.api);
        const progress = createProgress();
        for (const [i, api] of apis.entries()) {
          progress.update(`[fixtures ${i + 1}/${apis.length}] ${api}: building and checking against the spec`);
          const files = await renderFixtureFiles(api, BUILTIN_MODULES[api].spec, seed);
          const dir = join(flags.out, api);
          mkdirSync(dir, { recursive: true });
          for (const [name, text] of files) {
            writeFileSync(join(dir, name), text);
            count++;
          }
          progress.done();
          process.stdout.write(`${api}: ${[...files.keys()].join(', ')}\n`);
        }
        process.stdout.write(`wrote ${count} files under ${flags.out}/ (seed ${seed})\n`);
      } catch (error) {
        fail(error);
      }
    });
}
