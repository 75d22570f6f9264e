import { ApiError } from '../core/api-error.js';
import type { Reply } from '../core/api-module.js';
import type { OpenApiDocument, ExampleObject, MediaTypeObject } from '../spec/openapi-types.js';
import { resolveObject } from '../spec/resolve-ref.js';
import type { OperationSpec } from '../spec/spec-index.js';

export interface Preference {
  code?: number;
  example?: string;
}

/** Parses Prism's `Prefer: code=404, example=notFound`; undefined when it asks for neither. */
export function parsePrefer(header: string | undefined): Preference | undefined {
  if (!header) return undefined;
  const preference: Preference = {};
  for (const part of header.split(/[,;\s]+/)) {
    const [key, raw] = part.split('=', 2);
    const value = raw?.replace(/^"|"$/g, '');
    if (key === 'code' && value && /^\d{3}$/.test(value)) preference.code = Number(value);
    if (key === 'example' && value) preference.example = value;
  }
  return preference.code === undefined && preference.example === undefined ? undefined : preference;
}

function exampleValue(document: OpenApiDocument, media: MediaTypeObject, name: string | undefined): { found: boolean; value: unknown } {
  if (name === undefined) {
    if (media.example !== undefined) return { found: true, value: media.example };
    const first = Object.values(media.examples ?? {})[0];
    return first ? { found: true, value: resolveObject<ExampleObject>(document, first).value } : { found: false, value: undefined };
  }
  const named = media.examples?.[name];
  return named ? { found: true, value: resolveObject<ExampleObject>(document, named).value } : { found: false, value: undefined };
}

/**
 * A static answer from the spec, as Prism gives it: the response for `code` (its first or named
 * example), or the response holding the named example. An unknown code or name is a 400 that says
 * what the operation does define, never a silent fallback.
 */
export function preferredReply(document: OpenApiDocument, operation: OperationSpec, preference: Preference): Reply | ApiError {
  const candidates = Object.entries(operation.responses).filter(([status]) => preference.code === undefined || status === String(preference.code));
  for (const [status, response] of candidates) {
    if (!/^\d{3}$/.test(status)) continue;
    const entries = Object.entries(response.content ?? {});
    if (entries.length === 0 && preference.example === undefined) return { status: Number(status) };
    for (const [mediaType, media] of entries) {
      const { found, value } = exampleValue(document, media, preference.example);
      if (found) return { status: Number(status), body: value, headers: { 'content-type': mediaType } };
    }
  }
  const names = Object.values(operation.responses).flatMap((r) => Object.values(r.content ?? {}).flatMap((m) => Object.keys(m.examples ?? {})));
  const wanted = [preference.code !== undefined ? `code=${preference.code}` : '', preference.example ? `example=${preference.example}` : ''].filter(Boolean).join(', ');
  return new ApiError('bad_request', `Prefer: ${wanted} matches no response of ${operation.operationId} (statuses: ${Object.keys(operation.responses).join(', ')}; examples: ${[...new Set(names)].join(', ') || 'none'})`);
}
