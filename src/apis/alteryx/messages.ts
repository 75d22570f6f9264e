/**
 * The engine messages a job reports, shared by the live lifecycle and the fixtures so both read
 * alike. `status` is the Alteryx engine message type (1 information, 2 warning, 3 error); `toolId`
 * is the tool's id in the workflow, 0 for the workflow itself.
 */
import type { components } from '../../generated/alteryx.js';

type MessageView = components['schemas']['MessageView'];

/** Download formats a job output offers, by kind of output. */
export const OUTPUT_FORMATS = [['Raw', 'CSV', 'XLSX'], ['Raw', 'YXDB'], ['Raw', 'CSV', 'JSON'], ['Raw', 'PDF']] as const;

export const MESSAGE_INFO = 1;
export const MESSAGE_WARNING = 2;
export const MESSAGE_ERROR = 3;

export function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function startMessage(fileName: string): MessageView {
  return { status: MESSAGE_INFO, text: `Started running ${fileName}`, toolId: 0 };
}

export function toolMessage(tool: string, toolId: number, records: number): MessageView {
  return { status: MESSAGE_INFO, text: `${tool} (${toolId}): ${withCommas(records)} records were processed`, toolId };
}

export function warningMessage(tool: string, toolId: number, records: number): MessageView {
  return { status: MESSAGE_WARNING, text: `${tool} (${toolId}): ${withCommas(records)} records were truncated to fit the field size`, toolId };
}

export function errorMessage(tool: string, toolId: number): MessageView {
  return { status: MESSAGE_ERROR, text: `${tool} (${toolId}): The field "Region" is missing from the incoming data`, toolId };
}

export function finishedMessage(fileName: string, runMs: number, outcome: 'Success' | 'Warning' | 'Error'): MessageView {
  const tail = outcome === 'Success' ? '' : outcome === 'Warning' ? ' with 1 warning' : ' with 1 error';
  return { status: MESSAGE_INFO, text: `Finished running ${fileName} in ${(runMs / 1000).toFixed(1)} seconds${tail}`, toolId: 0 };
}

export function cancelledMessage(): MessageView {
  return { status: MESSAGE_WARNING, text: 'The job was cancelled by an administrator', toolId: 0 };
}
