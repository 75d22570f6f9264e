import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { indexSpec } from '../../src/spec/spec-index.js';
import type { ExampleObject, JsonSchema, MediaTypeObject, OpenApiDocument } from '../../src/spec/openapi-types.js';
import { isRef, readPointer, resolveObject } from '../../src/spec/resolve-ref.js';
import { createAjvPair, rewriteRefs, allowExtensions } from '../../src/validation/create-ajv.js';
import { toDiagnostics } from '../../src/validation/to-diagnostics.js';
import { loadAllSpecs } from './spec-files.js';

interface NamedExample {
  where: string;
  name: string;
  value: unknown;
  schema: JsonSchema;
  coerce: boolean;
}

/** Every named example of a spec with the schema it must satisfy. */
function collectExamples(document: OpenApiDocument): NamedExample[] {
  const out: NamedExample[] = [];
  const fromMedia = (where: string, media: MediaTypeObject) => {
    for (const [name, ex] of Object.entries(media.examples ?? {})) {
      out.push({ where, name, value: resolveObject<ExampleObject>(document, ex).value, schema: media.schema ?? {}, coerce: false });
    }
  };
  for (const op of indexSpec('x', document).operations) {
    for (const p of op.parameters) {
      for (const [name, ex] of Object.entries(p.examples ?? {})) {
        out.push({ where: `${op.operationId} ${p.in} ${p.name}`, name, value: resolveObject<ExampleObject>(document, ex).value, schema: p.schema ?? {}, coerce: true });
      }
    }
    for (const [mediaType, media] of Object.entries(op.requestBody?.content ?? {})) fromMedia(`${op.operationId} request ${mediaType}`, media);
    for (const [status, response] of Object.entries(op.responses)) {
      for (const [mediaType, media] of Object.entries(response.content ?? {})) fromMedia(`${op.operationId} ${status} ${mediaType}`, media);
    }
  }
  return out;
}

function deref(document: OpenApiDocument, schema: JsonSchema): Record<string, any> {
  let s: any = schema;
  for (let i = 0; i < 10 && isRef(s); i++) s = readPointer(document, s.$ref);
  return typeof s === 'object' && s !== null ? s : {};
}

/** Finds a property path in an object example whose schema is an enum (following $refs and properties). */
function findEnumPath(document: OpenApiDocument, schema: JsonSchema, value: unknown, path: string[] = []): string[] | undefined {
  const s = deref(document, schema);
  if (Array.isArray(s['enum']) && typeof value === 'string') return path;
  const parts = [s, ...((s['allOf'] as JsonSchema[] | undefined) ?? []).map((x) => deref(document, x))];
  if (typeof value !== 'object' || value === null) return undefined;
  for (const part of parts) {
    if (Array.isArray(value) && part['items']) {
      const found = value.length > 0 ? findEnumPath(document, part['items'], value[0], [...path, '0']) : undefined;
      if (found) return found;
    }
    for (const [key, sub] of Object.entries((part['properties'] as Record<string, JsonSchema>) ?? {})) {
      if (key in (value as object)) {
        const found = findEnumPath(document, sub, (value as Record<string, unknown>)[key], [...path, key]);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function setPath(value: unknown, path: string[], to: unknown): unknown {
  const copy = structuredClone(value) as any;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]!] = to;
  return copy;
}

for (const [api, document] of loadAllSpecs()) {
  describe(`${api} spec: named examples`, () => {
    const pair = createAjvPair(api, document);
    const validate = (example: NamedExample, value: unknown): Diagnostic[] => {
      const ext = new Set<string>();
      const schema = rewriteRefs(api, example.schema, ext) as object;
      allowExtensions(pair, ext);
      if (example.coerce) {
        // Parameters are validated as properties of an object, as the engine does (defaults are not allowed at a schema root).
        const fn = pair.params.compile({ type: 'object', properties: { value: schema } });
        return fn({ value: structuredClone(value) }) ? [] : toDiagnostics('query', fn.errors);
      }
      const fn = pair.exact.compile(schema);
      return fn(structuredClone(value)) ? [] : toDiagnostics('body', fn.errors);
    };
    const examples = collectExamples(document);

    it('has named examples', () => {
      expect(examples.length).toBeGreaterThan(0);
    });
    it('every named example validates against its own schema', () => {
      const failures = examples.flatMap((ex) => validate(ex, ex.value).map((d) => `${ex.where} example "${ex.name}": ${d.path} ${d.message}`));
      expect(failures).toEqual([]);
    });
    it('a mutated example (missing required field, wrong type, unknown enum) fails with a located diagnostic', () => {
      let enumMutations = 0;
      let requiredMutations = 0;
      for (const ex of examples.filter((e) => !e.coerce && typeof e.value === 'object' && e.value !== null && !Array.isArray(e.value))) {
        const schema = deref(document, ex.schema);
        const required = (schema['required'] as string[] | undefined)?.find((r) => r in (ex.value as object));
        if (required) {
          const missing = structuredClone(ex.value) as Record<string, unknown>;
          delete missing[required];
          expect(validate(ex, missing), `${ex.where} ${ex.name} without ${required}`).toContainEqual(expect.objectContaining({ keyword: 'required', path: `/${required}` }));
          requiredMutations++;
        }
        expect(validate(ex, 42).some((d) => d.keyword === 'type' || d.keyword === 'anyOf' || d.keyword === 'oneOf'), `${ex.where} ${ex.name} as a number`).toBe(true);
        const enumPath = findEnumPath(document, ex.schema, ex.value);
        if (enumPath && enumPath.length > 0) {
          const diagnostics = validate(ex, setPath(ex.value, enumPath, 'NOT_A_DOCUMENTED_VALUE'));
          expect(diagnostics.some((d) => d.path.startsWith(`/${enumPath.join('/')}`)), `${ex.where} ${ex.name} with a bad enum at /${enumPath.join('/')}`).toBe(true);
          enumMutations++;
        }
      }
      expect(requiredMutations).toBeGreaterThan(0);
      expect(enumMutations).toBeGreaterThan(0);
    });
    it('every operation has a success example and an error example, paired by name between request and response', () => {
      const problems: string[] = [];
      for (const op of indexSpec(api, document).operations) {
        const responseNames = new Map<string, string>();
        for (const [status, response] of Object.entries(op.responses)) {
          for (const media of Object.values(response.content ?? {})) for (const name of Object.keys(media.examples ?? {})) responseNames.set(name, status);
        }
        const statuses = [...responseNames.values()];
        // A body-less 2xx (204) cannot carry an example; it is the answer to request examples no response names.
        const bodyless2xx = Object.entries(op.responses).find(([status, r]) => status.startsWith('2') && !r.content);
        if (!statuses.some((s) => s.startsWith('2')) && !bodyless2xx) problems.push(`${op.operationId}: no named success example`);
        if (!statuses.some((s) => /^[45]/.test(s))) problems.push(`${op.operationId}: no named error example`);
        const requestNames = new Set<string>([
          ...op.parameters.flatMap((p) => Object.keys(p.examples ?? {})),
          ...Object.values(op.requestBody?.content ?? {}).flatMap((m) => Object.keys(m.examples ?? {})),
        ]);
        for (const name of requestNames) {
          if (!responseNames.has(name) && !bodyless2xx) problems.push(`${op.operationId}: request example "${name}" has no response example of the same name`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
}
