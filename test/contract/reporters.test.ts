import { describe, expect, it } from 'vitest';
import { runContract } from '../../src/contract/run-contract.js';
import { toJunit } from '../../src/contract/reporters/junit.js';
import { toMarkdown } from '../../src/contract/reporters/markdown.js';
import { COLOURS, PLAIN, toSummary } from '../../src/contract/reporters/summary.js';
import { parseReporter } from '../../src/contract/reporters/write-reports.js';
import type { ContractReport } from '../../src/contract/contract-report.js';
import { tinyContractApi } from './tiny-contract-api.js';
import { mockTarget } from './mock-target.js';
import { tinyVariants } from './variants/tiny.js';

const broken = tinyVariants.find((v) => v.name === 'getJob drops the required owner field')!;
const report: ContractReport = await runContract({ api: tinyContractApi, ...mockTarget(broken.apply(tinyContractApi)), only: ['getJob'] });

describe('contract reporters', () => {
  it('JUnit: one testcase per check, failures carry the request, the response and the diagnostics', () => {
    const xml = toJunit([report]);
    expect(xml.match(/<testcase /g)).toHaveLength(report.checks.length);
    expect(xml).toContain(`failures="${report.totals.fail}"`);
    const failure = /<failure message="[^"]*" type="response">([^<]*)<\/failure>/.exec(xml)?.[1] ?? '';
    expect(failure).toContain('request: GET http://jobs-kit.local/tiny/v1/jobs/j0001');
    expect(failure).toContain('authorization: &lt;redacted&gt;');
    expect(failure).toContain('response /owner: is required (required)');
  });

  it('JUnit: escapes XML and drops characters XML cannot carry', () => {
    const check = { ...report.checks[0]!, id: 'a<b>&"c"\u0001', outcome: 'fail' as const, message: 'x' };
    const xml = toJunit([{ ...report, checks: [check] }]);
    expect(xml).toContain('name="a&lt;b&gt;&amp;&quot;c&quot;"');
  });

  it('markdown: totals, the failing checks and the coverage table', () => {
    const md = toMarkdown([report]);
    expect(md).toContain('| tiny | ❌ fail |');
    expect(md).toMatch(/\| `response:getJob:200` \| response \| `GET \/tiny\/v1\/jobs\/j0001` \|/);
    expect(md).toMatch(/\| getJob \| GET \| `\/jobs\/\{jobId\}` \| \*\*200\*\* \*\*400\*\* \*\*401\*\* \*\*404\*\* 500 \|/);
  });

  it('terminal summary: failures with diagnostics, coverage with exercised statuses, no colour when plain', () => {
    const text = toSummary([report], PLAIN);
    expect(text).toContain('FAIL response:getJob:200');
    expect(text).toMatch(/getJob\s+GET\s+\/jobs\/\{jobId\}\s+200\* 400\* 401\* 404\* 500/);
    expect(text).toMatch(/FAIL tiny: \d+ checks pass, [1-9]\d* fail/);
    expect(text).not.toContain('\x1b[');
    expect(toSummary([report], COLOURS)).toContain('\x1b[31mFAIL');
  });

  it('parses FORMAT=PATH and refuses anything else', () => {
    expect(parseReporter('junit=out/c.xml')).toEqual({ format: 'junit', path: 'out/c.xml' });
    expect(() => parseReporter('html=x')).toThrow(/FORMAT=PATH/);
    expect(() => parseReporter('json')).toThrow(/FORMAT=PATH/);
  });
});
