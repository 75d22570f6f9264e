import type { ContractReport } from '../contract-report.js';
import { coverageRatio, statusCells } from './coverage-table.js';

const MAX_FAILURES = 50;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A summary for a CI step summary (`$GITHUB_STEP_SUMMARY`): totals, failures, coverage per API. */
export function toMarkdown(reports: ContractReport[]): string {
  const out: string[] = ['# jobs-kit contract', ''];
  out.push('| API | result | pass | fail | skip | requests | statuses covered | time |', '|---|---|---|---|---|---|---|---|');
  for (const r of reports) {
    const { exercised, documented } = coverageRatio(r.coverage);
    out.push(`| ${r.api} | ${r.ok ? '✅ pass' : '❌ fail'} | ${r.totals.pass} | ${r.totals.fail} | ${r.totals.skip} | ${r.totals.requests} | ${exercised}/${documented} | ${(r.durationMs / 1000).toFixed(1)} s |`);
  }
  for (const r of reports) {
    out.push('', `## ${r.api}`, '', `Base URL \`${r.baseUrl}\`${r.readOnly ? ' (read-only)' : ''}, seed ${r.seed}.`, '');
    const failed = r.checks.filter((c) => c.outcome === 'fail');
    if (failed.length > 0) {
      out.push('### Failures', '', '| check | kind | request | message |', '|---|---|---|---|');
      for (const c of failed.slice(0, MAX_FAILURES)) out.push(`| \`${cell(c.id)}\` | ${c.kind} | ${c.request ? `\`${c.request.method} ${cell(new URL(c.request.url).pathname)}\`` : ''} | ${cell(c.message)} |`);
      if (failed.length > MAX_FAILURES) out.push('', `…and ${failed.length - MAX_FAILURES} more (see the JSON or JUnit report).`);
      out.push('');
    }
    out.push('### Coverage', '', 'Documented statuses, **bold** when exercised; `!` marks an undocumented status the server answered.', '', '| operation | method | path | statuses |', '|---|---|---|---|');
    for (const row of r.coverage) out.push(`| ${row.operationId} | ${row.method} | \`${cell(row.path)}\` | ${statusCells(row, (s, hit) => (hit ? `**${s}**` : s))} |`);
  }
  return `${out.join('\n')}\n`;
}
