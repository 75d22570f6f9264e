import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeFlow, encodeBase64, encodeFlow, flowForCommand } from './flow.js';
import { formatElideDate, isJobId, parseElideDate, parseJobId } from './ids.js';

describe('terrakube: TCL templates', () => {
  it('round-trips a flow through base64 YAML, ordering steps by number', () => {
    const tcl = encodeFlow([
      { type: 'terraformApply', name: 'Apply', step: 200 },
      { type: 'terraformPlan', name: 'Plan', step: 100 },
      { type: 'approval', name: 'Approve', step: 150, team: 'OPS' },
    ]);
    expect(decodeFlow(tcl)).toEqual([
      { type: 'terraformPlan', name: 'Plan', step: 100 },
      { type: 'approval', name: 'Approve', step: 150, team: 'OPS' },
      { type: 'terraformApply', name: 'Apply', step: 200 },
    ]);
    expect(decodeBase64(encodeBase64('flow: [] # ünïcode'))).toBe('flow: [] # ünïcode');
  });

  it('reports what the scheduler would treat as a yamlError', () => {
    expect(decodeFlow('%%%')).toBe('tcl is not base64-encoded text');
    expect(decodeFlow(encodeBase64('flow: [unclosed'))).toMatch(/^tcl is not YAML/);
    expect(decodeFlow(encodeBase64('steps: []'))).toBe('tcl has no flow');
    expect(decodeFlow(encodeBase64('flow:\n  - type: terraformMagic\n    step: 100'))).toBe('flow type "terraformMagic" is not supported');
    expect(decodeFlow(encodeBase64('flow:\n  - type: terraformPlan'))).toBe('flow step undefined is not a step number');
  });

  it("maps the seed's legacy command to a one-step flow", () => {
    expect(flowForCommand('plan')).toEqual([{ type: 'terraformPlan', name: 'Plan', step: 100 }]);
    expect(flowForCommand('destroy')[0]!.type).toBe('terraformDestroy');
  });
});

describe('terrakube: ids and dates', () => {
  it('formats dates as Elide does (minutes, UTC) and parses only that form', () => {
    expect(formatElideDate(Date.UTC(2025, 0, 2, 3, 4, 59, 999))).toBe('2025-01-02T03:04Z');
    expect(parseElideDate('2025-01-02T03:04Z')).toBe(Date.UTC(2025, 0, 2, 3, 4));
    expect(parseElideDate('2025-01-02T03:04:05Z')).toBeUndefined();
    expect(parseElideDate('2025-02-30T00:00Z')).toBeUndefined();
  });

  it('reads integer job ids within Java int range', () => {
    expect(isJobId('41')).toBe(true);
    expect(isJobId('4a')).toBe(false);
    expect(parseJobId('007')).toBe(7);
    expect(parseJobId('2147483648')).toBeUndefined();
  });
});
