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
  return encodeBase64(stringify({ flow: flow.map((s) => ({ ...s })) }));
}

/**
 * The flow of a base64 TCL, or an error message where the real scheduler would hit `yamlError`
 * (not base64, not YAML, no `flow` list, an unknown step type, a step without a number).
 */
export function decodeFlow(tcl: string): FlowStep[] | string {
  const text = decodeBase64(tcl);
  if (text === undefined) return 'tcl is not base64-encoded text';
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    return `tcl is not YAML: ${(error as Error).message.split('\n')[0]}`;
  }
  const flow = (document as { flow?: unknown } | null)?.flow;
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
