import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { stylesFor, wantsColour } from './colour.js';
import { applyConfig, CONFIG_FILE, loadConfig } from './config.js';
import { EXIT, exitCodesHelp } from './exit-codes.js';
import { fail } from './fail.js';

/**
 * Commands load only when they run: `serve` must not pay for the contract runner (Ajv, yaml) at
 * start-up, and `--help` needs no command at all. The summaries here are what the top-level help lists.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<(program: Command) => void> }> = {
  serve: { summary: 'run the stateful mock of the Jobs APIs as an HTTP server', load: async () => (await import('./commands/serve.js')).registerServe },
  contract: { summary: "check a server against an API's spec (examples, probes, flows, paging, lifecycles)", load: async () => (await import('./commands/contract.js')).registerContract },
  fixtures: { summary: 'write seeded, schema-checked fixtures for the APIs as JSON files', load: async () => (await import('./commands/fixtures.js')).registerFixtures },
  prism: { summary: "run Stoplight Prism on an API's spec (stateless mock or validating proxy)", load: async () => (await import('./commands/prism.js')).registerPrism },
};

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** The command the arguments name (`help serve` names serve), skipping `--config FILE`. */
function commandIn(args: string[]): string | undefined {
  const words = args.filter((arg, i) => !arg.startsWith('-') && args[i - 1] !== '--config');
  return words[0] === 'help' ? words[1] : words[0];
}

const style = stylesFor(process.stdout);
const program = new Command('jobs-kit')
  .description('Stateful mock server, contract tests and fixtures for five Jobs REST APIs (contenthub, iot, alteryx, exabyte, terrakube)')
  .version(pkg.version, '-v, --version')
  .option('--config <file>', `defaults for the command's options (default: ./${CONFIG_FILE} when present)`)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  // Commander's own colour test also asks tty.hasColors(), which says no whenever CI is set; ours
  // (a terminal, unless NO_COLOR / FORCE_COLOR=0) decides for help as for every other output.
  .configureOutput({ getOutHasColors: () => wantsColour(process.stdout), getErrHasColors: () => wantsColour(process.stderr) })
  .configureHelp({ styleTitle: style.bold, styleCommandText: style.bold, styleOptionTerm: style.cyan, styleSubcommandTerm: style.cyan })
  .addHelpText(
    'after',
    [
      '',
      'Examples:',
      '  npx jobs-kit serve',
      '  npx jobs-kit contract --api iot --base-url http://127.0.0.1:4010/iot',
      '  npx jobs-kit serve --help',
      '',
      `Options a command does not get on the command line come from ./${CONFIG_FILE} (or --config FILE), e.g.`,
      '  { "serve": { "port": 4020, "clock": "manual" }, "contract": { "baseUrl": "http://127.0.0.1:4020/{api}" } }',
      exitCodesHelp({ ok: 'success', failed: 'the command ran and found problems (contract violations)' }).trimEnd(),
      '',
      'Docs: docs/cli.md',
      '',
    ].join('\n'),
  );

program.hook('preAction', (root, action) => {
  const config = loadConfig((action.opts()['config'] as string | undefined) ?? (root.opts()['config'] as string | undefined), Object.keys(COMMANDS));
  if (config) applyConfig(config, action);
});

/** Every command that runs an action also takes --config, so it can follow the command name. */
function addConfigOption(command: Command): void {
  if (command.commands.length > 0) command.commands.forEach(addConfigOption);
  else command.option('--config <file>', `defaults for this command's options (default: ./${CONFIG_FILE} when present)`);
}

/** Loads only the command asked for, then runs it (a function, not top-level await: the bundle is CommonJS). */
async function main(): Promise<void> {
  try {
    const name = commandIn(process.argv.slice(2));
    const chosen = name === undefined ? undefined : COMMANDS[name];
    if (chosen) (await chosen.load())(program);
    else for (const [command, { summary }] of Object.entries(COMMANDS)) program.command(command).summary(summary).description(summary);
    program.commands.forEach(addConfigOption);
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
    fail(error);
  }
}

void main();
