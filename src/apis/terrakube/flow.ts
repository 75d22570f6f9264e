/**
 * Terrakube Configuration Language (TCL): a template is YAML with a `flow` list, stored and carried
 * base64-encoded in `Template.tcl` and `Job.tcl`. Each flow entry becomes a step of the job
 * (`TclService.initJobConfiguration`), ordered by its `step` number. See
 * https://docs.terrakube.io/user-guide/workflows/ ("Templates").
 */
import { parse, stringify } from 'yaml';
import type { Command, FlowType } from './model.js';

export interface FlowStep {
  type: FlowType;
  name: string;
  step: number;
  team?: string;
}

const FLOW_TYPES: ReadonlySet<string> = new Set<FlowType>(['terraformPlan', 'terraformPlanDestroy', 'terraformApply', 'terraformDestroy', 'customScripts', 'approval']);

/** Flow types that run on an executor (the rest are handled by the API itself). */
export function isExecutorStep(type: FlowType): boolean {
  return type !== 'approval';
}

export function isPlanStep(type: FlowType): boolean {
  return type === 'terraformPlan' || type === 'terraformPlanDestroy';
}

export function encodeBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeBase64(text: string): string | undefined {
  try {
    const binary = atob(text.trim());
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** The base64 TCL of a flow, as a template stores it. */
export function encodeFlow(flow: readonly FlowStep[]): string {
  return encodeBase64(canonicalFlowText(flow) ?? stringify({ flow: flow.map((s) => ({ ...s })) }));
}

/**
 * A YAML plain scalar that every YAML 1.2 reader takes as that same string: letters, digits, `_`, `-`
 * and single inner spaces, starting with a letter, and not a word the core schema reads as a boolean
 * or null. At most 60 characters, so `yaml` never folds the line (it wraps at 80).
 */
const PLAIN = /^[A-Za-z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*$/;
const NOT_STRINGS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
const isPlain = (text: string) => text.length <= 60 && PLAIN.test(text) && !NOT_STRINGS.has(text);
/** A step number written the same by `String` and by `yaml` (not -0, not in exponent form). */
const isPlainStep = (step: number) => Number.isSafeInteger(step) && (step > 0 || Object.is(step, 0));

/**
 * The text `yaml`'s stringify writes for a flow whose values are all plain scalars (every TCL the mock
 * writes itself); undefined otherwise. Writing and reading this form directly means creating a job or
 * loading the fixtures needs no YAML library (serve does not load it until a template brings other YAML).
 */
function canonicalFlowText(flow: readonly FlowStep[]): string | undefined {
  if (flow.length === 0) return undefined;
  let text = 'flow:\n';
  for (const s of flow) {
    if (!isPlain(s.type) || !isPlain(s.name) || !isPlainStep(s.step) || (s.team !== undefined && !isPlain(s.team))) return undefined;
    text += `  - type: ${s.type}\n    name: ${s.name}\n    step: ${s.step}\n${s.team !== undefined ? `    team: ${s.team}\n` : ''}`;
  }
  return text;
}

const CANONICAL_STEP = /^ {2}- type: (.+)\n {4}name: (.+)\n {4}step: (0|[1-9][0-9]{0,14})\n(?: {4}team: (.+)\n)?/;

/** The flow entries of text in exactly canonicalFlowText's form, or undefined (then YAML reads it). */
function readCanonicalFlow(text: string): Record<string, unknown>[] | undefined {
  if (!text.startsWith('flow:\n')) return undefined;
  const entries: Record<string, unknown>[] = [];
  let rest = text.slice('flow:\n'.length);
  while (rest.length > 0) {
    const m = CANONICAL_STEP.exec(rest);
    if (!m || !isPlain(m[1]!) || !isPlain(m[2]!) || (m[4] !== undefined && !isPlain(m[4]))) return undefined;
    entries.push({ type: m[1], name: m[2], step: Number(m[3]), ...(m[4] !== undefined ? { team: m[4] } : {}) });
    rest = rest.slice(m[0].length);
  }
  return entries.length > 0 ? entries : undefined;
}

/**
 * The flow of a base64 TCL, or an error message where the real scheduler would hit `yamlError`
 * (not base64, not YAML, no `flow` list, an unknown step type, a step without a number).
 */
export function decodeFlow(tcl: string): FlowStep[] | string {
  const text = decodeBase64(tcl);
  if (text === undefined) return 'tcl is not base64-encoded text';
  let flow = readCanonicalFlow(text) as unknown;
  if (flow === undefined) {
    let document: unknown;
    try {
      document = parse(text);
    } catch (error) {
      return `tcl is not YAML: ${(error as Error).message.split('\n')[0]}`;
    }
    flow = (document as { flow?: unknown } | null)?.flow;
  }
  if (!Array.isArray(flow) || flow.length === 0) return 'tcl has no flow';
  const steps: FlowStep[] = [];
  for (const entry of flow as Record<string, unknown>[]) {
    const type = entry?.['type'];
    const step = entry?.['step'];
    if (typeof type !== 'string' || !FLOW_TYPES.has(type)) return `flow type ${JSON.stringify(type)} is not supported`;
    if (typeof step !== 'number' || !Number.isInteger(step)) return `flow step ${JSON.stringify(step)} is not a step number`;
    const name = typeof entry['name'] === 'string' ? entry['name'] : type;
    const team = typeof entry['team'] === 'string' ? entry['team'] : undefined;
    steps.push({ type: type as FlowType, name, step, ...(team !== undefined ? { team } : {}) });
  }
  return steps.sort((a, b) => a.step - b.step);
}

/** The one-step flow the seed's legacy `command` stands for (v1_3 jobs ran one Terraform operation). */
export function flowForCommand(command: Command): FlowStep[] {
  const type: FlowType = command === 'plan' ? 'terraformPlan' : command === 'apply' ? 'terraformApply' : 'terraformDestroy';
  const name = command === 'plan' ? 'Plan' : command === 'apply' ? 'Apply' : 'Destroy';
  return [{ type, name, step: 100 }];
}
