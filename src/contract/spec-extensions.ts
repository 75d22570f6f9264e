import { JobsKitError } from '../core/kit-error.js';
import type { OperationSpec } from '../spec/spec-index.js';

/** `x-jobs-kit-paging` on a list operation (docs/contract.md, "Spec extensions"). */
export interface PagingExtension {
  style: 'token' | 'offset' | 'page';
  /** JSON pointer to the array of items in the 2xx body. */
  items: string;
  /** JSON pointer to the id inside one item. */
  id: string;
  limitParam: string;
  /** A small page size, so that paging the fixtures takes several pages. */
  limit: number;
  /** The largest page size the API allows: one page of it is the reference the pages are compared with. */
  maxLimit?: number;
  tokenParam?: string;
  tokenPointer?: string;
  offsetParam?: string;
  pageParam?: string;
  /** Number of the first page in page style (default 1). */
  firstPage?: number;
  /** The paging keys live inside this JSON-encoded query parameter (`projection={"skip":0,"limit":2}`). */
  jsonParam?: string;
}

/** `x-jobs-kit-lifecycle` on the read-one operation. */
export interface LifecycleExtension {
  /** JSON pointer to the status in the 2xx body. */
  status: string;
  /** For each state, the states it may move to next. */
  transitions: Record<string, string[]>;
  /** States a resource may show after a DELETE (instead of 404). */
  deleting?: string[];
  /**
   * In a flow: read this many times, advancing a jobs-kit mock's clock by `stepMs` before each; at
   * position `order` among the link steps (default 35: after actions, before deletes).
   */
  settle?: { steps: number; stepMs: number; order?: number };
}

function invalid(operation: OperationSpec, extension: string, problem: string): JobsKitError {
  return new JobsKitError('JOBSKIT_SPEC_INVALID', `${operation.operationId}: ${extension} ${problem}`, 'see docs/contract.md, "Spec extensions"');
}

const isString = (v: unknown): v is string => typeof v === 'string';

export function pagingOf(operation: OperationSpec): PagingExtension | undefined {
  const raw = operation.operation['x-jobs-kit-paging'] as Partial<PagingExtension> | undefined;
  if (raw === undefined) return undefined;
  const name = 'x-jobs-kit-paging';
  if (!['token', 'offset', 'page'].includes(raw.style as string)) throw invalid(operation, name, 'needs style: token, offset or page');
  if (!isString(raw.items) || !isString(raw.id) || !isString(raw.limitParam)) throw invalid(operation, name, 'needs items, id and limitParam');
  if (typeof raw.limit !== 'number' || raw.limit < 1) throw invalid(operation, name, 'needs a positive limit');
  if (raw.style === 'token' && (!isString(raw.tokenParam) || !isString(raw.tokenPointer))) throw invalid(operation, name, 'with style token needs tokenParam and tokenPointer');
  if (raw.style === 'offset' && !isString(raw.offsetParam)) throw invalid(operation, name, 'with style offset needs offsetParam');
  if (raw.style === 'page' && !isString(raw.pageParam)) throw invalid(operation, name, 'with style page needs pageParam');
  return raw as PagingExtension;
}

export function lifecycleOf(operation: OperationSpec): LifecycleExtension | undefined {
  const raw = operation.operation['x-jobs-kit-lifecycle'] as Partial<LifecycleExtension> | undefined;
  if (raw === undefined) return undefined;
  const name = 'x-jobs-kit-lifecycle';
  if (!isString(raw.status)) throw invalid(operation, name, 'needs status (a JSON pointer)');
  const transitions = raw.transitions;
  if (typeof transitions !== 'object' || transitions === null || !Object.values(transitions).every((t) => Array.isArray(t) && t.every(isString))) {
    throw invalid(operation, name, 'needs transitions: { STATE: [NEXT, ...] }');
  }
  if (raw.settle && (typeof raw.settle.steps !== 'number' || typeof raw.settle.stepMs !== 'number')) throw invalid(operation, name, 'settle needs steps and stepMs');
  return raw as LifecycleExtension;
}
