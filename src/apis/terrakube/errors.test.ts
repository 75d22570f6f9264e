import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api-error.js';
import { denied, encodeForHtml, errors, invalidValue, unknownAttribute, unknownIdentifier } from './errors.js';

const render = (error: ApiError) => errors.render(error, undefined);

describe("terrakube: Elide's error document", () => {
  it('renders any ApiError as { errors: [{ detail }] } with the status of its code', () => {
    expect(render(unknownIdentifier('7', 'job'))).toEqual({ status: 404, body: { errors: [{ detail: 'Unknown identifier 7 for job' }] }, headers: {} });
    expect(render(denied('ReadPermission'))).toMatchObject({ status: 403, body: { errors: [{ detail: 'ReadPermission Denied' }] } });
    expect(render(invalidValue('x'))).toMatchObject({ status: 400, body: { errors: [{ detail: 'Invalid value: x' }] } });
    expect(render(new ApiError('internal', 'boom', { status: 503 }))).toMatchObject({ status: 503 });
  });

  it('HTML-encodes details the way OWASP Encode.forHtml does, as Elide 7 sends them', () => {
    expect(encodeForHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(render(unknownAttribute('branch')).body).toEqual({ errors: [{ detail: 'Unknown attribute &#39;branch&#39; in &#39;job&#39;' }] });
  });

  it('keeps the headers of the error (Allow on a 405, WWW-Authenticate on a 401)', () => {
    const reply = render(new ApiError('method_not_allowed', 'PUT is not allowed', { headers: { allow: 'GET, PATCH, DELETE' } }));
    expect(reply).toMatchObject({ status: 405, headers: { allow: 'GET, PATCH, DELETE' } });
  });

  it('answers an unknown body attribute with the 404 of InvalidAttributeException', () => {
    const error = new ApiError('validation_failed', 'invalid', { diagnostics: [{ location: 'body', path: '/data/attributes/branch', keyword: 'additionalProperties', message: 'is not allowed' }] });
    expect(render(error)).toMatchObject({ status: 404, body: { errors: [{ detail: 'Unknown attribute &#39;branch&#39; in &#39;job&#39;' }] } });
  });

  it("words page parameter findings as Elide's PaginationImpl does, one error per finding", () => {
    const error = new ApiError('validation_failed', 'invalid', {
      diagnostics: [
        { location: 'query', path: 'page[size]', keyword: 'maximum', message: 'must be <= 10000' },
        { location: 'query', path: 'page[number]', keyword: 'type', message: 'must be integer' },
        { location: 'query', path: 'filter[job]', keyword: 'type', message: 'must be string' },
        { location: 'path', path: 'jobId', keyword: 'pattern', message: 'must match pattern "^[0-9]{1,10}$"' },
      ],
    });
    expect(render(error).body).toEqual({
      errors: [
        { detail: 'Invalid value: Pagination size must be less than or equal to 10000' },
        { detail: 'Invalid value: page values must be integers' },
        { detail: 'Exactly one RSQL expression must be defined for type : job' },
        { detail: 'Invalid value: jobId must match pattern &#34;^[0-9]{1,10}$&#34;' },
      ],
    });
  });
});
