import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRANSITIONS as EXABYTE } from '../../src/apis/exabyte/lifecycle.js';
import { EXECUTION_TRANSITIONS, JOB_TRANSITIONS } from '../../src/apis/iot/lifecycle.js';

/** The transitions (`from->to`, start and end markers left out) of each Mermaid state diagram in an API's page. */
function diagrams(api: string): Set<string>[] {
  const page = readFileSync(new URL(`../../docs/apis/${api}.md`, import.meta.url), 'utf8');
  return [...page.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(([, body]) => {
    const names = new Map([...body!.matchAll(/state "([^"]+)" as (\w+)/g)].map(([, name, alias]) => [alias!, name!]));
    const edges = [...body!.matchAll(/^\s*(\S+) --> ([^\s:]+)/gm)].filter(([, a, b]) => a !== '[*]' && b !== '[*]');
    return new Set(edges.map(([, a, b]) => `${names.get(a!) ?? a}->${names.get(b!) ?? b}`));
  });
}

const pairs = (table: Readonly<Record<string, readonly string[]>>) => new Set(Object.entries(table).flatMap(([from, tos]) => tos.map((to) => `${from}->${to}`)));

// The two APIs whose lifecycle.ts states its state machine as a table: the diagrams must show exactly it.
describe('docs/apis: lifecycle diagrams follow the code', () => {
  it('iot: the job and execution diagrams are JOB_TRANSITIONS and EXECUTION_TRANSITIONS', () => {
    const [job, execution] = diagrams('iot');
    expect(job).toEqual(pairs(JOB_TRANSITIONS));
    expect(execution).toEqual(pairs(EXECUTION_TRANSITIONS));
  });
  it('exabyte: the diagram is TRANSITIONS', () => {
    expect(diagrams('exabyte')[0]).toEqual(pairs(EXABYTE));
  });
});
