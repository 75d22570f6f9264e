import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { decodeBase64, decodeFlow, encodeBase64, encodeFlow, flowForCommand, type FlowStep } from './flow.js';
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

  it('writes and reads flows exactly as the YAML library does, with or without the canonical fast path', () => {
    const flows: FlowStep[][] = [
      [{ type: 'terraformPlan', name: 'Plan', step: 100 }],
      [
        { type: 'terraformPlan', name: 'Plan', step: 100 },
        { type: 'approval', name: 'Approve Plan', step: 150, team: 'PLATFORM_APPROVERS' },
        { type: 'terraformApply', name: 'Apply', step: 0 },
      ],
      // Not plain scalars: the YAML library writes and reads these (quoted, a leading digit, a boolean word).
      [{ type: 'customScripts', name: 'run: "quoted" # not a comment', step: 7 }],
      [{ type: 'terraformPlan', name: '2nd plan', step: 1 }],
      [{ type: 'terraformPlan', name: 'true', step: 1, team: 'null' }],
      [{ type: 'terraformPlan', name: 'Trailing ', step: 1 }],
      [{ type: 'terraformPlan', name: `A long step name ${'word '.repeat(20)}end`, step: -0 }],
      [{ type: 'terraformPlan', name: 'Plan', step: 12345678901234567 }],
    ];
    for (const flow of flows) {
      const tcl = encodeFlow(flow);
      const text = decodeBase64(tcl)!;
      expect(text).toBe(stringify({ flow }));
      const viaYaml = (parse(text) as { flow: FlowStep[] }).flow;
      const decoded = decodeFlow(tcl);
      expect(decoded).toEqual(viaYaml.map((s) => ({ ...s, name: typeof s.name === 'string' ? s.name : s.type })).sort((a, b) => a.step - b.step));
    }
    // Text that starts like the canonical form but is not exactly it goes to the YAML reader.
    const odd = 'flow:\n  - type: terraformPlan\n    name: Plan\n    step: 100\n    extra: [1, 2]\n';
    expect(decodeFlow(encodeBase64(odd))).toEqual([{ type: 'terraformPlan', name: 'Plan', step: 100 }]);
    expect(decodeFlow(encodeBase64('flow:\n  - type: terraformPlan\n    name: Plan\n    step: 0100\n'))).toEqual([{ type: 'terraformPlan', name: 'Plan', step: 100 }]);
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
