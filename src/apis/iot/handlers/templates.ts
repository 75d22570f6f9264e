/** Job templates: create (from a document, or from an existing job's), describe, list, delete. */
import type { Handler } from '../../../core/api-module.js';
import { awsError } from '../errors.js';
import { arnOf, newResourceId, parseArn } from '../ids.js';
import { scopeState, type IotStore, type JobConfig, type TemplateRecord } from '../store.js';
import { configOf, copyTags, toTemplate } from '../views.js';
import { bodyOf, checkDocument, findScope, ok, pageOf, param, requestScope, type IotContext } from './context.js';

function requireTemplateById(ctx: IotContext): TemplateRecord {
  const id = param(ctx, 'jobTemplateId');
  const template = findScope(ctx)?.templates.get(id);
  if (!template) throw awsError('ResourceNotFoundException', `Job template ${id} does not exist.`);
  return template;
}

const createJobTemplate: Handler<IotStore> = (ctx) => {
  const body = bodyOf(ctx, 'createJobTemplate');
  const scope = scopeState(ctx.store, requestScope(ctx));
  const id = body.jobTemplateId ?? newResourceId(ctx.random);
  if (scope.templates.has(id)) throw awsError('ConflictException', `Job template ${id} already exists.`);
  let source: { document: string; config: JobConfig } | undefined;
  if (body.jobArn !== undefined) {
    const arn = parseArn(body.jobArn);
    const job = arn && arn.account === scope.account && arn.region === scope.region ? scope.jobs.get(arn.name) : undefined;
    if (!job) throw awsError('ResourceNotFoundException', `Job ${arn?.name ?? body.jobArn} does not exist.`);
    // Like CreateJob with a template: the document comes from one place only.
    if (body.document !== undefined) throw awsError('InvalidRequestException', 'Specify either document or jobArn, not both.');
    source = job;
  }
  const document = body.document ?? source!.document;
  checkDocument(document);
  const template: TemplateRecord = {
    jobTemplateId: id,
    jobTemplateArn: arnOf(scope, 'jobtemplate', id),
    description: body.description!,
    document,
    createdAt: ctx.clock.now(),
    tags: copyTags(body.tags),
    ...configOf(source?.config ?? {}),
    ...configOf(body),
  };
  scope.templates.set(id, template);
  return ok('createJobTemplate', { created: true, jobTemplateArn: template.jobTemplateArn, jobTemplateId: id });
};

const describeJobTemplate: Handler<IotStore> = (ctx) => ok('describeJobTemplate', { jobTemplate: toTemplate(requireTemplateById(ctx)) });

const deleteJobTemplate: Handler<IotStore> = (ctx) => {
  const template = requireTemplateById(ctx);
  findScope(ctx)!.templates.delete(template.jobTemplateId);
  return ok('deleteJobTemplate', { deleted: true });
};

const listJobTemplates: Handler<IotStore> = (ctx) => {
  const page = pageOf(ctx, { list: 'job-templates', filters: {}, collection: findScope(ctx)?.templates, reverse: true });
  return ok('listJobTemplates', { jobTemplates: page.items.map(toTemplate), ...(page.nextToken ? { nextToken: page.nextToken } : {}) });
};

export const templateHandlers = { createJobTemplate, describeJobTemplate, deleteJobTemplate, listJobTemplates };
