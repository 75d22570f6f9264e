import { describe, expect, it } from 'vitest';
import { asPathValue, evaluateExpression, evaluateTemplate, readJsonPointer, type ExpressionSource } from './runtime-expression.js';

const source: ExpressionSource = {
  request: { method: 'POST', url: 'http://h/v1/workflows/w1/jobs?dryRun=true', headers: { 'x-trace': 't1' } },
  requestPath: { workflowId: 'w1' },
  requestBody: { name: 'build' },
  response: { status: 201, headers: { location: '/v1/jobs/j0008' }, body: { data: { _id: 'abc', 'a/b': 1, items: ['x'] } }, durationMs: 1 },
};

describe('contract: OpenAPI runtime expressions for links', () => {
  it('reads the response body by JSON pointer, with ~1 escapes and array indexes', () => {
    expect(evaluateExpression('$response.body#/data/_id', source)).toEqual({ found: true, value: 'abc' });
    expect(evaluateExpression('$response.body#/data/a~1b', source).value).toBe(1);
    expect(readJsonPointer(source.response.body, '/data/items/0')).toBe('x');
  });
  it('reads headers case-insensitively, request path and query values, and the request body', () => {
    expect(evaluateExpression('$response.header.Location', source).value).toBe('/v1/jobs/j0008');
    expect(evaluateExpression('$request.path.workflowId', source).value).toBe('w1');
    expect(evaluateExpression('$request.query.dryRun', source).value).toBe('true');
    expect(evaluateExpression('$request.body#/name', source).value).toBe('build');
    expect(evaluateExpression('$statusCode', source).value).toBe(201);
  });
  it('treats values without $ as constants and reports expressions that name nothing', () => {
    expect(evaluateExpression('fixed', source)).toEqual({ found: true, value: 'fixed' });
    expect(evaluateExpression('$response.body#/data/missing', source).found).toBe(false);
    expect(evaluateExpression('$request.path.nope', source).found).toBe(false);
  });
  it('fills braced expressions embedded anywhere in a request body, keeping the type of a whole one', () => {
    const template = { data: { id: '{$response.body#/data/_id}', count: '{$statusCode}', note: 'made by {$request.body#/name} ({$statusCode})', list: ['{$request.path.workflowId}'] }, literal: '$notAnExpression inside' };
    expect(evaluateTemplate(template, source)).toEqual({
      found: true,
      value: { data: { id: 'abc', count: 201, note: 'made by build (201)', list: ['w1'] }, literal: '$notAnExpression inside' },
    });
    expect(evaluateTemplate('$response.body#/data/_id', source)).toEqual({ found: true, value: 'abc' });
  });
  it('reports a body whose embedded expression names nothing', () => {
    expect(evaluateTemplate({ id: '{$response.body#/data/missing}' }, source).found).toBe(false);
    expect(evaluateTemplate({ note: 'x {$request.path.nope}' }, source).found).toBe(false);
  });
  it('fills a path parameter from a Location URL with its last segment', () => {
    expect(asPathValue('/v1/jobs/j0008')).toBe('j0008');
    expect(asPathValue('https://h/api/jobs/a%20b?x=1')).toBe('a b');
    expect(asPathValue('j0008')).toBe('j0008');
    expect(asPathValue('team/build-7')).toBe('team/build-7');
    expect(asPathValue('arn:aws:iot:us-east-1:123456789012:job/j1')).toBe('arn:aws:iot:us-east-1:123456789012:job/j1');
  });
});
