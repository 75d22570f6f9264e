import type { Reply } from '../../../core/api-module.js';

export interface SuccessReply<T> extends Reply<{ status: 'success'; data: T }> {
  body: { status: 'success'; data: T };
}

/** A JSend success: every successful Exabyte answer is a 200 (docs: "unless otherwise indicated"). */
export function success<T>(data: T): SuccessReply<T> {
  return { status: 200, body: { status: 'success', data } };
}
