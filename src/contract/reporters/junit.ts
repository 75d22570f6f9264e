import type { ContractReport } from '../contract-report.js';
import { describeCheck } from './describe-check.js';

function xml(text: string): string {
  // XML 1.0 cannot carry most control characters, even escaped: drop them.
  return text.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JUnit XML: one testsuite per API, one testcase per check; failures carry the request, response and diagnostics. */
export function toJunit(reports: ContractReport[]): string {
  const sum = (key: 'pass' | 'fail' | 'skip') => reports.reduce((n, r) => n + r.totals[key], 0);
  const total = reports.reduce((n, r) => n + r.checks.length, 0);
  const time = (ms: number) => (ms / 1000).toFixed(3);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="jobs-kit contract" tests="${total}" failures="${sum('fail')}" skipped="${sum('skip')}" time="${time(reports.reduce((n, r) => n + r.durationMs, 0))}">`,
  ];
  for (const report of reports) {
    out.push(`  <testsuite name="contract: ${xml(report.api)}" tests="${report.checks.length}" failures="${report.totals.fail}" skipped="${report.totals.skip}" time="${time(report.durationMs)}" timestamp="${report.startedAt}">`);
    for (const check of report.checks) {
      const open = `    <testcase classname="${xml(`${report.api}.${check.operationId}`)}" name="${xml(check.id)}" time="${time(check.response?.durationMs ?? 0)}"`;
      if (check.outcome === 'pass') out.push(`${open}/>`);
      else if (check.outcome === 'skip') out.push(`${open}>`, `      <skipped message="${xml(check.message)}"/>`, '    </testcase>');
      else out.push(`${open}>`, `      <failure message="${xml(check.message)}" type="${check.kind}">${xml(describeCheck(check))}</failure>`, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}
