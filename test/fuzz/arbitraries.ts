import fc from 'fast-check';
import { BUILTIN_MODULES } from '../../src/apis/registry.js';
import { API_NAMES, type ApiName } from '../../src/core/api-module.js';
import type { MockRequest } from '../../src/core/http.js';
import { indexSpec } from '../../src/spec/spec-index.js';

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Path segments: ids that look real, hostile strings, encodings that may not decode. */
const segment = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/),
  fc.constantFrom('0', '-1', '99999999999999999999', '%', '%E0%A4%A', '..', '%2e%2e', '__proto__', 'constructor', 'null', ' ', '%00'),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);

/** JSON values with hostile keys and deep nesting. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue(),
    fc.dictionary(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 })), tie('value'), { maxKeys: 5 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.constantFrom(Number.MAX_SAFE_INTEGER * 10, -0, 1e308, 'x'.repeat(10_000)),
  ),
})).value;

const deepJson = fc.integer({ min: 50, max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth));

const body = fc.oneof(
  fc.constant(undefined),
  hostileJson.map((v) => JSON.stringify(v)),
  deepJson,
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => String.fromCharCode(...bytes)),
  fc.constant('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
);

const contentType = fc.constantFrom(undefined, 'application/json', 'application/vnd.api+json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16');

export interface FuzzCase {
  api: ApiName;
  request: MockRequest;
  credential: number;
}

/** Requests aimed at each API: spec paths with fuzzed segments, query, headers and bodies, or garbage paths. */
export function fuzzCase(): fc.Arbitrary<FuzzCase> {
  return fc.constantFrom(...API_NAMES).chain((api) => {
    const index = indexSpec(api, BUILTIN_MODULES[api].spec);
    const templates = index.operations.map((o) => o.path);
    const queryNames = [...new Set(index.operations.flatMap((o) => o.parameters.filter((p) => p.in === 'query').map((p) => p.name)))];
    const path = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...templates), fc.array(segment, { minLength: 4, maxLength: 4 })).map(([t, segs]) => {
        let i = 0;
        return index.basePath + t.replace(/\{[^}]+\}/g, () => segs[i++ % segs.length]!);
      }) },
      { weight: 1, arbitrary: fc.array(segment, { maxLength: 6 }).map((segs) => `${index.basePath}/${segs.join('/')}`) },
    );
    const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...(queryNames.length ? queryNames : ['q'])), fc.string({ maxLength: 8 })), fc.oneof(fc.string({ maxLength: 30 }), hostileJson.map((v) => JSON.stringify(v)))), { maxLength: 4 })
      .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
    return fc.record({
      api: fc.constant(api),
      credential: fc.integer({ min: 0, max: 3 }),
      request: fc.record({
        method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'),
        path,
        rawQuery: query,
        headers: fc.record({ ct: contentType, extra: fc.dictionary(fc.stringMatching(/^[a-z-]{1,12}$/), fc.string({ maxLength: 20 }), { maxKeys: 2 }) })
          .map(({ ct, extra }) => ({ ...extra, ...(ct ? { 'content-type': ct } : {}) })),
        bodyText: body,
      }),
    });
  });
}
