import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { JobsKitError } from '../../core/kit-error.js';
import type { ContractReport } from '../contract-report.js';
import { toJunit } from './junit.js';
import { toMarkdown } from './markdown.js';

export type ReporterFormat = 'junit' | 'json' | 'markdown';
export interface ReporterSpec {
  format: ReporterFormat;
  path: string;
}

const FORMATS: Record<ReporterFormat, (reports: ContractReport[]) => string> = {
  junit: toJunit,
  json: (reports) => `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`,
  markdown: toMarkdown,
};

/** `junit=reports/contract.xml` → `{ format: 'junit', path: 'reports/contract.xml' }`. */
export function parseReporter(value: string): ReporterSpec {
  const eq = value.indexOf('=');
  const format = (eq === -1 ? value : value.slice(0, eq)) as ReporterFormat;
  const path = eq === -1 ? '' : value.slice(eq + 1);
  if (!(format in FORMATS) || path === '') {
    throw new JobsKitError('JOBSKIT_USAGE', `--reporter takes FORMAT=PATH with FORMAT one of ${Object.keys(FORMATS).join(', ')}, got "${value}"`, 'e.g. --reporter junit=reports/contract.xml');
  }
  return { format, path };
}

export function writeReports(reports: ContractReport[], specs: ReporterSpec[]): void {
  for (const { format, path } of specs) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, FORMATS[format](reports));
    } catch (error) {
      throw new JobsKitError('JOBSKIT_USAGE', `cannot write the ${format} report to ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
}
