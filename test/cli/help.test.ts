import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runCli } from './run-cli.js';

beforeAll(() => ensureBuilt());

const COMMANDS = ['serve', 'contract', 'fixtures', 'prism', 'prism mock', 'prism proxy'];

describe('cli: every command documents itself', () => {
  it.each(COMMANDS)('%s --help shows runnable examples and the exit codes', (command) => {
    const { status, stdout } = runCli([...command.split(' '), '--help']);
    expect(status).toBe(0);
    const examples = stdout.slice(stdout.indexOf('Examples:'));
    expect(stdout).toContain('Examples:');
    // Each command's examples run that command, not just the program.
    expect(examples).toContain(`npx jobs-kit ${command} `);
    expect(stdout).toMatch(/Exit codes:\n {2}0 {2}\S.*\n(?: {2}1 {2}\S.*\n)? {2}2 {2}\S/);
  });

  it('the top-level help lists every command, the config file and the exit codes', () => {
    const { status, stdout } = runCli(['--help']);
    expect(status).toBe(0);
    for (const name of ['serve', 'contract', 'fixtures', 'prism']) expect(stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    expect(stdout).toContain('jobs-kit.config.json');
    expect(stdout).toMatch(/ {2}0 {2}success\n {2}1 {2}.*problems.*\n {2}2 {2}usage/);
  });

  it('`help <command>` is the same as `<command> --help`', () => {
    expect(runCli(['help', 'fixtures']).stdout).toBe(runCli(['fixtures', '--help']).stdout);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };
    const { status, stdout } = runCli(['--version']);
    expect([status, stdout.trim()]).toEqual([0, version]);
  });
});

describe('cli: exit codes', () => {
  it('2 for an unknown option, with a pointer to --help', () => {
    const { status, stderr } = runCli(['fixtures', '--sed', '3']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/unknown option '--sed'/);
    expect(stderr).toMatch(/run with --help/);
  });
  it('2 for no command at all (usage is printed)', () => {
    const { status, stderr } = runCli([]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/Usage: jobs-kit/);
  });
  it('2 with one line saying what to do when prism lacks --api or --upstream', () => {
    const noApi = runCli(['prism', 'mock']);
    expect([noApi.status, noApi.stderr]).toEqual([2, 'jobs-kit: JOBSKIT_USAGE: --api is required (choose from contenthub, iot, alteryx, exabyte, terrakube, e.g. --api iot)\n']);
    const noUpstream = runCli(['prism', 'proxy', '--api', 'iot']);
    expect(noUpstream.status).toBe(2);
    expect(noUpstream.stderr).toMatch(/^jobs-kit: JOBSKIT_USAGE: prism proxy needs --upstream URL \(.*e\.g\. --upstream http/);
  });
});
