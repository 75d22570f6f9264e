import type { ErrorObject } from 'ajv';
import type { Diagnostic, DiagnosticLocation } from '../core/diagnostic.js';

/** Turns Ajv errors into located diagnostics with messages a user can act on. */
export function toDiagnostics(location: DiagnosticLocation, errors: ErrorObject[] | null | undefined, prefix = ''): Diagnostic[] {
  if (!errors) return [];
  return errors.map((e) => {
    let path = prefix + e.instancePath;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      path = `${path}/${missing}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      path = `${path}/${(e.params as { additionalProperty: string }).additionalProperty}`;
      message = 'is not allowed';
    } else if (e.keyword === 'enum') {
      message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    return { location, path, keyword: e.keyword, message };
  });
}
