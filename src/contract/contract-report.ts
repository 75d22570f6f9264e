import type { Diagnostic } from '../core/diagnostic.js';

/**
 * What kind of truth a check tests. The broken-variant tests assert on these names, so they are part
 * of the runner's contract: rename one and every variant that names it must follow.
 */
export type CheckKind =
  /** A request built from a named example gets that example's status. */
  | 'example'
  /** No credentials → a documented 401/403. */
  | 'auth'
  /** A well-formed id that names nothing → 404. */
  | 'unknown-id'
  /** A body with a missing field, a wrong type or an unknown enum → a documented 4xx. */
  | 'invalid-body'
  /** A parameter outside its schema → a documented 4xx. */
  | 'invalid-param'
  /** Every response of an operation with one status: documented, right content type, body and headers valid. */
  | 'response'
  /** One step of a create → read → update → action → delete flow driven by OpenAPI links. */
  | 'flow'
  /** The created resource appears when paging the list operation. */
  | 'listed'
  /** After a delete the resource reads as 404 (or a documented deleting state). */
  | 'deleted'
  /** Paging a list yields every item once and ends. */
  | 'paging'
  /** Observed statuses move only along the documented lifecycle. */
  | 'lifecycle';

export type CheckOutcome = 'pass' | 'fail' | 'skip';

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ReceivedResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text for other media types, undefined when empty. */
  body: unknown;
  /** Set when the content type said JSON but the text did not parse. */
  jsonError?: string;
  durationMs: number;
}

/** One request and what came back (no response when the request timed out). */
export interface Exchange {
  operationId: string;
  request: SentRequest;
  response?: ReceivedResponse;
  /** Why there is no response (timeout). */
  error?: string;
}

export interface Check {
  /** Stable, unique within a run: `example:getJob:success`, `paging:listJobs`. */
  id: string;
  kind: CheckKind;
  operationId: string;
  outcome: CheckOutcome;
  /** One line: what was expected and what happened. */
  message: string;
  request?: SentRequest;
  response?: ReceivedResponse;
  diagnostics: Diagnostic[];
}

/** Which statuses each operation answered during the run, next to the ones it documents. */
export interface CoverageRow {
  operationId: string;
  method: string;
  path: string;
  documented: string[];
  exercised: number[];
}

export interface ContractReport {
  api: string;
  baseUrl: string;
  startedAt: string;
  durationMs: number;
  readOnly: boolean;
  seed: number;
  checks: Check[];
  coverage: CoverageRow[];
  totals: { pass: number; fail: number; skip: number; requests: number };
  /** True when no check failed (the CLI exits 0). */
  ok: boolean;
}
