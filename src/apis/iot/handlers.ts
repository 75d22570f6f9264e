/** The 17 iot operations, keyed by the spec's operationId (AWS's operation names in camelCase). */
import type { Handler } from '../../core/api-module.js';
import { executionHandlers } from './handlers/executions.js';
import { jobControlHandlers } from './handlers/job-control.js';
import { jobHandlers } from './handlers/jobs.js';
import { templateHandlers } from './handlers/templates.js';
import type { IotStore } from './store.js';

export const handlers: Readonly<Record<string, Handler<IotStore>>> = {
  ...jobHandlers,
  ...jobControlHandlers,
  ...executionHandlers,
  ...templateHandlers,
};
