import type { CoverageRow } from '../contract-report.js';

/**
 * Each documented status of an operation, marked when the run made the operation answer it; a status
 * the operation answered without documenting it is shown with `!`.
 */
export function statusCells(row: CoverageRow, mark: (status: string, exercised: boolean) => string): string {
  const seen = new Set(row.exercised.map(String));
  const cells = row.documented.map((status) => mark(status, seen.has(status) || (/^\dXX$/i.test(status) && row.exercised.some((s) => String(s)[0] === status[0]))));
  for (const status of row.exercised) if (!row.documented.includes(String(status)) && !row.documented.includes(`${String(status)[0]}XX`)) cells.push(`${status}!`);
  return cells.join(' ');
}

export function coverageRatio(rows: CoverageRow[]): { exercised: number; documented: number } {
  let exercised = 0, documented = 0;
  for (const row of rows) {
    documented += row.documented.length;
    exercised += row.documented.filter((s) => row.exercised.some((e) => String(e) === s)).length;
  }
  return { exercised, documented };
}
