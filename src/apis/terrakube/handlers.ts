/**
 * The terrakube operations by operationId. The workspace- and organization-scoped routes share
 * their handlers: the route's path parameters decide which collection a job is looked up in.
 */
import type { Handler } from '../../core/api-module.js';
import { createJob } from './handlers/create.js';
import { getJob, getOrganization, getOrganizationWorkspace, listJobs } from './handlers/read.js';
import { deleteJob, updateJob } from './handlers/write.js';
import type { TerrakubeStore } from './store.js';

export const handlers: Readonly<Record<string, Handler<TerrakubeStore>>> = {
  listWorkspaceJobs: listJobs,
  createWorkspaceJob: createJob,
  getWorkspaceJob: getJob,
  updateWorkspaceJob: updateJob,
  deleteWorkspaceJob: deleteJob,
  listOrganizationJobs: listJobs,
  createOrganizationJob: createJob,
  getOrganizationJob: getJob,
  updateOrganizationJob: updateJob,
  deleteOrganizationJob: deleteJob,
  getOrganization,
  getOrganizationWorkspace,
};
