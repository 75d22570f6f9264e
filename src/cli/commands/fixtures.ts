import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { BUILTIN_MODULES } from '../../apis/registry.js';
import { renderFixtureFiles } from '../../fixtures/render-fixtures.js';
import { parseApis, parseInteger } from '../parse-options.js';
import { fail } from '../fail.js';

export function registerFixtures(program: Command): void {
  program
    .command('fixtures')
    .description('write seeded, schema-checked fixtures for the APIs as JSON files')
    .option('-s, --seed <n>', 'seed (the committed fixtures use 1)', '1')
    .option('-o, --out <dir>', 'output folder (one sub-folder per API)', 'fixtures')
    .option('-a, --api <names>', 'comma-separated APIs (default: all five)')
    .addHelpText('after', '\nExamples:\n  npx jobs-kit fixtures\n  npx jobs-kit fixtures --seed 42 --out /tmp/fx --api iot,exabyte\n')
    .action(async (flags: { seed: string; out: string; api?: string }) => {
      try {
        const seed = parseInteger('--seed', flags.seed, 0, 2 ** 32 - 1)!;
        let count = 0;
        for (const api of parseApis(flags.api)) {
          const files = await renderFixtureFiles(api, BUILTIN_MODULES[api].spec, seed);
          const dir = join(flags.out, api);
          mkdirSync(dir, { recursive: true });
          for (const [name, text] of files) {
            writeFileSync(join(dir, name), text);
            count++;
          }
          process.stdout.write(`${api}: ${[...files.keys()].join(', ')}\n`);
        }
        process.stdout.write(`wrote ${count} files under ${flags.out}/ (seed ${seed})\n`);
      } catch (error) {
        fail(error);
      }
    });
}
