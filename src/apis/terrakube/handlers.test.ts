import { beforeEach, describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import type { HandlerContext, Reply } from '../../core/api-module.js';
import type { Principal } from '../../core/principal.js';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { auth } from './auth.js';
import { ORG, TEMPLATE, WS } from './catalog.js';
import { handlers } from './handlers.js';
import { SUPER_USER_GROUP } from './permissions.js';
import { createStore, type TerrakubeStore } from './store.js';

let store: TerrakubeStore;
const admin: Principal = { id: 'root@platform.local', name: 'Root', roles: [SUPER_USER_GROUP] };

function run(operationId: string, principal: Principal, params: Record<string, string>, body?: unknown, query: Record<string, unknown> = {}): Reply | string {
  const ctx = { operationId, params, query, headers: {}, body, principal, store, clock: createClock(), random: createRandom(1), request: { method: 'GET', path: '', rawQuery: '', headers: {}, bodyText: undefined } } as unknown as HandlerContext<TerrakubeStore>;
  const result = handlers[operationId]!(ctx);
  return isApiError(result) ? `${result.status} ${result.message}` : result;
}
const newJob = { data: { type: 'job', attributes: { templateReference: TEMPLATE.platformPlan }, relationships: { workspace: { data: { type: 'workspace', id: WS.sandbox } } } } };

describe('terrakube: handlers and Terrakube permissions', () => {
  beforeEach(() => {
    store = createStore({ random: createRandom(1), clock: createClock(), fixtures: true });
  });

  it('serves every operation of the spec', () => {
    expect(Object.keys(handlers).sort()).toEqual([
      'createOrganizationJob', 'createWorkspaceJob', 'deleteOrganizationJob', 'deleteWorkspaceJob', 'getOrganization', 'getOrganizationJob',
      'getOrganizationWorkspace', 'getWorkspaceJob', 'listOrganizationJobs', 'listWorkspaceJobs', 'updateOrganizationJob', 'updateWorkspaceJob',
    ]);
  });

  it('lets a TERRAKUBE_ADMIN read every organization but not create jobs (team manage job has no super-user bypass)', () => {
    expect(run('getOrganizationJob', admin, { organizationId: ORG.data, jobId: '39' })).toMatchObject({ status: 200 });
    expect(run('createOrganizationJob', admin, { organizationId: ORG.platform }, newJob)).toBe('403 CreatePermission Denied');
  });

  it('lets the auth-off principal do everything, including setting approvalTeam', () => {
    const created = run('createOrganizationJob', auth.anonymous, { organizationId: ORG.platform }, { data: { ...newJob.data, attributes: { approvalTeam: 'OPS' } } });
    expect(created).toMatchObject({ status: 201, body: { data: { attributes: { approvalTeam: 'OPS', createdBy: 'anonymous' } } } });
  });

  it('hides disabled organizations and deleted workspaces, as their SQL restrictions do', () => {
    store.organizations.get(ORG.data)!.disabled = true;
    expect(run('getOrganization', admin, { organizationId: ORG.data })).toBe(`404 Unknown identifier ${ORG.data} for organization`);
    store.workspaces.get(WS.dns)!.deleted = true;
    expect(run('listWorkspaceJobs', admin, { workspaceId: WS.dns })).toBe(`404 Unknown identifier ${WS.dns} for workspace`);
  });

  it('answers a PATCH that changes nothing with 204 and leaves the audit fields alone', () => {
    const before = { ...store.jobs.get('1')! };
    const reply = run('updateOrganizationJob', { id: 'carol@platform.local', name: 'Carol', roles: ['PLATFORM_VIEWERS'] }, { organizationId: ORG.platform, jobId: '1' }, {
      data: { type: 'job', id: '1', attributes: { status: before.status, comments: before.comments, createdBy: 'someone else' } },
    });
    expect(reply).toEqual({ status: 204 });
    expect(store.jobs.get('1')).toEqual(before);
  });
});
