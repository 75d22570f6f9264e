import type { OpenApiDocument, ResponseObject } from '../spec/openapi-types.js';
import { resolveObject } from '../spec/resolve-ref.js';
import type { OperationSpec, SpecIndex } from '../spec/spec-index.js';
import { asPathValue, evaluateExpression, evaluateTemplate, type ExpressionSource } from './runtime-expression.js';
import { pagingOf } from './spec-extensions.js';

/** An OpenAPI Link Object, with the jobs-kit extensions a link may carry. */
export interface LinkObject {
  operationId?: string;
  operationRef?: string;
  parameters?: Record<string, unknown>;
  requestBody?: unknown;
  /** Statuses this step may answer (default: any 2xx). */
  'x-jobs-kit-expect'?: number[];
  /** Position in the flow (default by method: read 10, list 15, update 20, action 30, delete 40). */
  'x-jobs-kit-order'?: number;
  /** On a link to a list: the created resource's id, as it appears at the paging `id` pointer. */
  'x-jobs-kit-id'?: string;
  /**
   * On a link to a read: the statuses it may answer right after the flow's delete (default: 404, 410, or
   * a 2xx in a deleting state of `x-jobs-kit-lifecycle`). For sub-resources a delete leaves readable for a while.
   */
  'x-jobs-kit-after-delete'?: number[];
}

export type StepCategory = 'read' | 'list' | 'update' | 'action' | 'delete';
const DEFAULT_ORDER: Record<StepCategory, number> = { read: 10, list: 15, update: 20, action: 30, delete: 40 };

export interface FlowStep {
  name: string;
  link: LinkObject;
  operation: OperationSpec;
  category: StepCategory;
  order: number;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: { value: unknown };
  /** Why the step cannot run (an expression that names nothing, an unknown operation). */
  problem?: string;
}

/** The links on an operation's first 2xx response that has any (the flow starts there). */
export function linksOf(document: OpenApiDocument, operation: OperationSpec): { status: string; links: Record<string, LinkObject> } | undefined {
  for (const [status, response] of Object.entries(operation.responses)) {
    const links = response.links;
    if (status.startsWith('2') && links && Object.keys(links).length > 0) {
      return { status, links: Object.fromEntries(Object.entries(links).map(([k, v]) => [k, resolveObject<LinkObject>(document, v as LinkObject)])) };
    }
  }
  return undefined;
}

function categoryOf(operation: OperationSpec): StepCategory {
  if (operation.method === 'GET') return pagingOf(operation) ? 'list' : 'read';
  if (operation.method === 'PUT' || operation.method === 'PATCH') return 'update';
  if (operation.method === 'DELETE') return 'delete';
  return 'action';
}

/**
 * Turns the links into ordered steps with their parameters filled from the create exchange. A
 * parameter key may be qualified (`path.jobId`) as OpenAPI allows; a value taken from a URL (a
 * `Location` header) fills a path parameter with its last segment.
 */
export function resolveSteps(index: SpecIndex, links: Record<string, LinkObject>, source: ExpressionSource): FlowStep[] {
  const steps: FlowStep[] = [];
  for (const [name, link] of Object.entries(links)) {
    const operation = link.operationId ? index.byId.get(link.operationId) : undefined;
    if (!operation) {
      steps.push({ name, link, operation: index.operations[0]!, category: 'read', order: 0, path: {}, query: {}, problem: `link "${name}" names no operation of this spec (operationRef is not supported)` });
      continue;
    }
    const category = categoryOf(operation);
    const step: FlowStep = { name, link, operation, category, order: link['x-jobs-kit-order'] ?? DEFAULT_ORDER[category], path: {}, query: {} };
    for (const [key, expression] of Object.entries(link.parameters ?? {})) {
      const [where, paramName] = key.includes('.') ? (key.split('.', 2) as [string, string]) : [undefined, key];
      const param = operation.parameters.find((p) => p.name === paramName && (where === undefined || p.in === where));
      const value = evaluateExpression(expression, source);
      if (!param) step.problem = `link "${name}" fills "${key}", which ${operation.operationId} does not have`;
      else if (!value.found) step.problem = `link "${name}": ${String(expression)} names nothing in the create exchange`;
      else if (param.in === 'path') step.path[param.name] = asPathValue(value.value);
      else if (param.in === 'query') step.query[param.name] = value.value;
    }
    if (link.requestBody !== undefined) {
      const body = evaluateTemplate(link.requestBody, source);
      if (body.found) step.body = { value: body.value };
      else step.problem = `link "${name}": its requestBody names something the create exchange does not have`;
    }
    steps.push(step);
  }
  return steps.sort((a, b) => a.order - b.order);
}
