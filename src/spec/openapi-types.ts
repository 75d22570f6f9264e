/** The parts of an OpenAPI 3.1 document that jobs-kit reads. Loose on purpose: specs are linted by Redocly. */
export type JsonSchema = Record<string, unknown> | boolean;

export interface ExampleObject {
  summary?: string;
  description?: string;
  value?: unknown;
}

export interface MediaTypeObject {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, ExampleObject | RefObject>;
}

export interface RefObject {
  $ref: string;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
  style?: string;
  explode?: boolean;
  description?: string;
  example?: unknown;
  examples?: Record<string, ExampleObject | RefObject>;
}

export interface HeaderObject {
  required?: boolean;
  schema?: JsonSchema;
  description?: string;
}

export interface LinkObject {
  operationId?: string;
  operationRef?: string;
  parameters?: Record<string, unknown>;
  requestBody?: unknown;
  description?: string;
  [extension: `x-${string}`]: unknown;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | RefObject>;
  content?: Record<string, MediaTypeObject>;
  links?: Record<string, LinkObject | RefObject>;
}

export interface RequestBodyObject {
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}

export type SecurityRequirement = Record<string, string[]>;

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: (ParameterObject | RefObject)[];
  requestBody?: RequestBodyObject | RefObject;
  responses: Record<string, ResponseObject | RefObject>;
  security?: SecurityRequirement[];
  [extension: `x-${string}`]: unknown;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItemObject = {
  parameters?: (ParameterObject | RefObject)[];
  summary?: string;
  description?: string;
} & Partial<Record<HttpMethod, OperationObject>>;

export interface ServerObject {
  url: string;
  description?: string;
  variables?: Record<string, { default: string; enum?: string[]; description?: string }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string; [k: string]: unknown };
  servers?: ServerObject[];
  paths: Record<string, PathItemObject>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    responses?: Record<string, ResponseObject | RefObject>;
    parameters?: Record<string, ParameterObject | RefObject>;
    examples?: Record<string, ExampleObject | RefObject>;
    requestBodies?: Record<string, RequestBodyObject | RefObject>;
    headers?: Record<string, HeaderObject | RefObject>;
    securitySchemes?: Record<string, unknown>;
    [k: string]: unknown;
  };
  security?: SecurityRequirement[];
  tags?: unknown[];
  [extension: `x-${string}`]: unknown;
}
