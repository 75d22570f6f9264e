/**
 * PATCH a job (204) and DELETE a job (204). Every check runs before anything changes, so a refused
 * PATCH leaves the job as it was (Elide rolls the transaction back).
 */
import { ApiError, isApiError } from '../../../core/api-error.js';
import type { Handler } from '../../../core/api-module.js';
import type { components } from '../../../generated/terrakube.js';
import { denied, invalidValue } from '../errors.js';
import { parseJobId } from '../ids.js';
import { allowedMoves, moveTo, removeJob } from '../lifecycle.js';
import { canChangeStatus, canManageJobs, isSuperService } from '../permissions.js';
import type { TerrakubeStore } from '../store.js';
import { applyPlain, auditName, changedPlain, wantedApprovalTeam, wantedStatus } from './attributes.js';
import { resolveJob } from './scope.js';

type UpdateDocument = components['schemas']['JobUpdateDocument'];

export const updateJob: Handler<TerrakubeStore> = (ctx) => {
  const found = resolveJob(ctx);
  if (isApiError(found)) return found;
  const { job } = found;
  const doc = ctx.body as UpdateDocument;
  if (parseJobId(doc.data.id) !== job.id) {
    return new ApiError('bad_request', `Bad Request Body: 'data.id ${doc.data.id} is not the job ${job.id} of the URL'`);
  }
  const attrs = doc.data.attributes ?? {};
  const plain = changedPlain(attrs, job);
  if (plain.length > 0 && !canManageJobs(ctx.store, ctx.principal, job.organizationId)) return denied('UpdatePermission');
  const team = wantedApprovalTeam(attrs);
  const teamChanges = team !== undefined && team.value !== job.approvalTeam;
  if (teamChanges && !isSuperService(ctx.principal)) return denied('UpdatePermission');
  const status = wantedStatus(attrs);
  const statusChanges = status !== undefined && status !== job.status;
  if (statusChanges) {
    if (!canChangeStatus(ctx.principal, job)) return denied('UpdatePermission');
    if (!allowedMoves(job.status).includes(status)) return invalidValue(`job status cannot change from ${job.status} to ${status}`);
  }
  if (plain.length === 0 && !teamChanges && !statusChanges) return { status: 204 };

  const now = ctx.clock.now();
  applyPlain(job, attrs, plain);
  if (teamChanges) job.approvalTeam = team.value;
  job.updatedDate = now;
  job.updatedBy = auditName(ctx.principal);
  if (statusChanges) moveTo(ctx.store, job, status, now);
  return { status: 204 };
};

export const deleteJob: Handler<TerrakubeStore> = (ctx) => {
  const found = resolveJob(ctx);
  if (isApiError(found)) return found;
  removeJob(ctx.store, found.job, ctx.clock.now());
  return { status: 204 };
};
