import { formatDiagnostic } from '../../core/diagnostic.js';
import type { Check } from '../contract-report.js';

const MAX_BODY = 2000;

function clip(text: string): string {
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}… (${text.length - MAX_BODY} more characters)` : text;
}

/** The request, the response and the diagnostics of a check, as plain text (JUnit failures, terminal). */
export function describeCheck(check: Check): string {
  const lines: string[] = [check.message];
  if (check.request) {
    lines.push('', `request: ${check.request.method} ${check.request.url}`);
    for (const [name, value] of Object.entries(check.request.headers)) lines.push(`  ${name}: ${/^(authorization|x-auth-token|x-api-key)$/.test(name) ? '<redacted>' : value}`);
    if (check.request.body !== undefined) lines.push(`  body: ${clip(check.request.body)}`);
  }
  if (check.response) {
    lines.push(`response: ${check.response.status} (${check.response.durationMs} ms)`);
    if (check.response.headers['content-type']) lines.push(`  content-type: ${check.response.headers['content-type']}`);
    if (check.response.body !== undefined) lines.push(`  body: ${clip(typeof check.response.body === 'string' ? check.response.body : JSON.stringify(check.response.body))}`);
  }
  if (check.diagnostics.length > 0) lines.push('diagnostics:', ...check.diagnostics.map((d) => `  ${formatDiagnostic(d)}`));
  return lines.join('\n');
}
