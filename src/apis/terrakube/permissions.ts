/**
 * Terrakube's Elide security checks (`io.terrakube.api.rs.checks`), over the principal's Dex groups:
 *
 * - `user belongs organization` (Organization read; also `team view job`): member of any team of the
 *   organization, or a Terrakube super user (`TERRAKUBE_ADMIN`, the `org.terrakube.owner` group).
 * - `team manage job` (Job create/update): member of a team of the job's organization with `manageJob`.
 *   Note that, unlike reading, this check has no super-user bypass.
 * - `team approve job` (Job.status update): true while `approvalTeam` is empty, else membership of it.
 * - `user is a super service` (Job.approvalTeam, Job.step): Terrakube's internal service account only.
 */
import type { Principal } from '../../core/principal.js';
import { ALL_ACCESS } from './auth.js';
import type { JobRecord } from './model.js';
import type { TerrakubeStore } from './store.js';

export const SUPER_USER_GROUP = 'TERRAKUBE_ADMIN';

const everything = (p: Principal): boolean => p.roles.includes(ALL_ACCESS);

export function isSuperUser(p: Principal): boolean {
  return everything(p) || p.roles.includes(SUPER_USER_GROUP);
}

export function belongsToOrganization(store: TerrakubeStore, p: Principal, organizationId: string): boolean {
  if (isSuperUser(p)) return true;
  return store.teams.some((t) => t.organizationId === organizationId && p.roles.includes(t.name));
}

export function canManageJobs(store: TerrakubeStore, p: Principal, organizationId: string): boolean {
  if (everything(p)) return true;
  return store.teams.some((t) => t.organizationId === organizationId && t.manageJob && p.roles.includes(t.name));
}

export function canChangeStatus(p: Principal, job: JobRecord): boolean {
  if (everything(p) || !job.approvalTeam) return true;
  return p.roles.includes(job.approvalTeam);
}

export function isSuperService(p: Principal): boolean {
  return everything(p);
}
