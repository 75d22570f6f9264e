/** Where a finding was made: a request part, or the response. */
export type DiagnosticLocation = 'path' | 'query' | 'header' | 'body' | 'response' | 'status' | 'content-type';

/**
 * A validation finding. Diagnostics are data, never exceptions (Ajv's way): validators return
 * arrays of these and the caller decides what they mean.
 */
export interface Diagnostic {
  location: DiagnosticLocation;
  /** JSON pointer into the located value (`/job/status`), or the parameter name for params. */
  path: string;
  /** The JSON Schema keyword that failed (`type`, `required`, `enum`, ...). */
  keyword: string;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.path ? `${d.location} ${d.path}` : d.location;
  return `${where}: ${d.message} (${d.keyword})`;
}
