import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerContract } from './commands/contract.js';
import { registerFixtures } from './commands/fixtures.js';
import { registerPrism } from './commands/prism.js';
import { registerServe } from './commands/serve.js';
import { EXIT } from './exit-codes.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('jobs-kit')
  .description('Stateful mock server, contract tests and fixtures for five Jobs REST APIs (contenthub, iot, alteryx, exabyte, terrakube)')
  .version(pkg.version, '-v, --version')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .addHelpText('after', `\nExit codes: ${EXIT.ok} ok, ${EXIT.failed} problems found, ${EXIT.usage} usage or environment error.\n`);

registerServe(program);
registerFixtures(program);
registerContract(program);
registerPrism(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
  throw error;
}
