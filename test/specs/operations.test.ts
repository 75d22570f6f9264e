import { describe, expect, it } from 'vitest';
import type { ApiName } from '../../src/core/api-module.js';
import { indexSpec } from '../../src/spec/spec-index.js';
import { loadAllSpecs } from './spec-files.js';

/** The operations each seed lists (method + path, parameter names ignored). */
const SEED: Record<ApiName, string[]> = {
  contenthub: [
    'GET /api/v2/jobs/{}',
    'GET /api/jobs/{}/description', 'PUT /api/jobs/{}/description', 'PATCH /api/jobs/{}/description', 'DELETE /api/jobs/{}/description',
    'GET /api/jobs/{}/description/{}',
    'POST /api/jobs/{}/targets', 'GET /api/jobs/{}/targets', 'POST /api/jobs/{}/targets/bulk',
    'GET /api/jobs/{}/targets/{}', 'PUT /api/jobs/{}/targets/{}', 'PATCH /api/jobs/{}/targets/{}', 'DELETE /api/jobs/{}/targets/{}',
  ],
  iot: [
    'PUT /jobs/{}/associate', 'PUT /jobs/{}/cancel', 'PUT /jobs/{}/things/{}/cancel', 'POST /jobs', 'POST /job-templates',
    'DELETE /jobs/{}', 'DELETE /jobs/{}/things/{}', 'DELETE /job-templates/{}', 'GET /jobs/{}', 'GET /jobs/{}/document',
    'GET /jobs/{}/things/{}', 'GET /job-templates/{}', 'GET /jobs', 'GET /jobs-executions/jobs/{}', 'GET /jobs-executions/things/{}',
    'GET /job-templates', 'PUT /jobs/{}',
  ],
  alteryx: ['GET /v3/jobs/{}', 'GET /v3/jobs/{}/messages'],
  exabyte: ['GET /jobs', 'GET /jobs/{}', 'POST /jobs', 'PATCH /jobs/{}', 'DELETE /jobs/{}', 'POST /jobs/{}'],
  terrakube: ['GET /workspace/{}/job/{}', 'POST /workspace/{}/job', 'DELETE /workspace/{}/job/{}', 'PATCH /workspace/{}/job/{}'],
};

/** What the real services need beyond the seed for the seed to be usable (issue 3), each documented in docs/apis/<api>.md. */
const ADDITIONS: Record<ApiName, { required: string[]; optional: string[] }> = {
  contenthub: { required: [], optional: [] },
  iot: { required: [], optional: [] },
  alteryx: { required: ['GET /v3/workflows/{}/jobs', 'POST /v3/workflows/{}/jobs', 'POST /oauth2/token'], optional: [] },
  exabyte: { required: ['POST /login', 'PUT /jobs/create', 'POST /jobs/{}/submit'], optional: [] },
  terrakube: {
    required: ['GET /workspace/{}/job', 'GET /organization/{}/job', 'POST /organization/{}/job', 'GET /organization/{}/job/{}', 'PATCH /organization/{}/job/{}', 'DELETE /organization/{}/job/{}'],
    optional: ['GET /organization/{}', 'GET /organization/{}/workspace/{}'],
  },
};

const key = (method: string, path: string) => `${method} ${path.replace(/\{[^}]+\}/g, '{}')}`;

for (const [api, document] of loadAllSpecs()) {
  describe(`${api} spec: operation set`, () => {
    const ops = indexSpec(api, document).operations.map((o) => key(o.method, o.path));
    it("covers every operation the seed lists, with the seed's method and path", () => {
      expect(SEED[api].filter((op) => !ops.includes(op))).toEqual([]);
    });
    it('adds what the real service needs for the seed to be usable', () => {
      expect(ADDITIONS[api].required.filter((op) => !ops.includes(op))).toEqual([]);
    });
    it('has no operation beyond the seed and the documented additions', () => {
      const allowed = new Set([...SEED[api], ...ADDITIONS[api].required, ...ADDITIONS[api].optional]);
      expect(ops.filter((op) => !allowed.has(op))).toEqual([]);
    });
  });
}
