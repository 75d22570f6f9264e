import { describe, expect, it } from 'vitest';
import { BUILTIN_MODULES } from '../../src/apis/registry.js';
import { API_NAMES } from '../../src/core/api-module.js';
import type { ExampleObject } from '../../src/spec/openapi-types.js';
import { resolveObject } from '../../src/spec/resolve-ref.js';
import { indexSpec, type OperationSpec } from '../../src/spec/spec-index.js';
import { createFetch } from '../../src/doors/create-fetch.js';

/** A request for an operation built from its first examples (path params filled), without credentials. */
function pathFor(api: (typeof API_NAMES)[number], op: OperationSpec): string {
  const document = BUILTIN_MODULES[api].spec;
  let path = op.path;
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    const first = Object.values(p.examples ?? {})[0];
    const value = first ? resolveObject<ExampleObject>(document, first).value : (p.example ?? 'x');
    path = path.replace(`{${p.name}}`, encodeURIComponent(String(value)));
  }
  return `${indexSpec(api, document).basePath}${path}`;
}

const BAD_CREDENTIALS: Record<string, string> = {
  authorization: 'Bearer not-a-real-token',
  'x-auth-token': 'notARealToken1234',
  'x-account-id': 'notARealAccount12',
};

for (const api of API_NAMES) {
  describe(`${api}: auth on every operation`, () => {
    const mockFetch = createFetch({ apis: [api], validateResponses: 'throw', onError: () => {} });
    const secured = indexSpec(api, BUILTIN_MODULES[api].spec).operations.filter((op) => op.requiresAuth);

    it('has secured operations', () => expect(secured.length).toBeGreaterThan(0));

    for (const [label, headers] of [['missing', {}], ['invalid', BAD_CREDENTIALS]] as const) {
      it(`refuses ${label} credentials on every secured operation with a documented 401/403 in the API's shape`, async () => {
        const problems: string[] = [];
        for (const op of secured) {
          const res = await mockFetch(`http://jobs-kit.local/${api}${pathFor(api, op)}`, {
            method: op.method,
            headers: { ...headers, 'content-type': Object.keys(op.requestBody?.content ?? { 'application/json': {} })[0]! },
            body: op.method === 'GET' || op.method === 'DELETE' ? undefined : '{}',
          });
          // 'throw' mode turns an undocumented status or a body outside the error schema into a 500.
          if (res.status !== 401 && res.status !== 403) problems.push(`${op.operationId}: ${res.status} ${await res.text()}`);
        }
        expect(problems).toEqual([]);
      });
    }

    it('lets every operation through with auth turned off (no 401/403 for lack of credentials)', async () => {
      const open = createFetch({ apis: [api], auth: false, onError: () => {} });
      const refused: string[] = [];
      for (const op of secured.filter((o) => o.method === 'GET')) {
        const res = await open(`http://jobs-kit.local/${api}${pathFor(api, op)}`);
        if (res.status === 401) refused.push(op.operationId);
      }
      expect(refused).toEqual([]);
    });
  });
}
