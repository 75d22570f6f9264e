import fc from 'fast-check';
import { BUILTIN_MODULES } from '../../src/apis/registry.js';
import { API_NAMES, type ApiName } from '../../src/core/api-module.js';
import type { MockRequest } from '../../src/core/http.js';
import { indexSpec } from '../../src/spec/spec-index.js';
import { specShaped } from './spec-shaped.js';

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

const deepJson = fc.oneof(
  fc.integer({ min: 50, max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 50, max: 5000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
);

/** Big enough to cost something, small enough that 100,000 runs stay in minutes. */
const hugeJson = fc.constantFrom(
  JSON.stringify(Array.from({ length: 50_000 }, (_, i) => i)),
  JSON.stringify({ name: 'x'.repeat(200_000), items: Array.from({ length: 5_000 }, () => ({})) }),
  `{"a":"${'y'.repeat(1024 * 1024 + 1)}"}`,
);

/**
 * What a door hands the engine after decoding invalid UTF-8 (U+FFFD), plus lone surrogates and NULs,
 * which a JS string can hold but no valid UTF-8 can encode.
 */
const invalidUtf8 = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new TextDecoder('utf-8').decode(Uint8Array.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, ...bytes]))),
  fc.constantFrom('\uD800', '{"name":"\uDC00x"}', '{"name":"\\uD800"}', '\u0000', '{"\u0000":1}'),
);

/** Numbers at and past the edges of what JSON, JS and the specs' int32/int64 formats allow. */
const edgeNumber = fc.constantFrom('1e400', '-1e400', '9007199254740993', '2147483648', '-2147483649', '1e-400', '-0', 'NaN', 'Infinity', '0x10', '1_000', '00012');

const ordinaryBody = fc.oneof(
  fc.constant(undefined),
  hostileJson.map((v) => JSON.stringify(v)),
  deepJson,
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => String.fromCharCode(...bytes)),
  invalidUtf8,
  edgeNumber.map((n) => `{"limit":${n},"version":${n},"expectedVersion":${n},"priority":${n}}`),
  fc.constant('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
);

/** Huge bodies are rare (about 1 in 100): each costs milliseconds to parse. */
const body = fc.oneof({ weight: 99, arbitrary: ordinaryBody }, { weight: 1, arbitrary: hugeJson });

const contentType = fc.constantFrom(undefined, 'application/json', 'application/vnd.api+json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16');

export interface FuzzCase {
  api: ApiName;
  request: MockRequest;
  credential: number;
}

/** Requests aimed at each API: spec paths with fuzzed segments, query, headers and bodies, or garbage paths. */
export function fuzzCase(): fc.Arbitrary<FuzzCase> {
  return fc.oneof(...API_NAMES.map(caseFor));
}

/** One API's arbitrary, built once: its spec is indexed here, not per generated case. */
function caseFor(api: ApiName): fc.Arbitrary<FuzzCase> {
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
  const name = fc.oneof(fc.constantFrom(...(queryNames.length ? queryNames : ['q'])), fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 }));
  const value = fc.oneof(fc.string({ maxLength: 30 }), edgeNumber, hostileJson.map((v) => JSON.stringify(v)));
  const pairs = fc.array(fc.tuple(name, value), { maxLength: 4 });
  // Duplicate keys on purpose: the same name repeated with other values (`limit=1&limit=x`).
  const duplicated = fc.tuple(name, fc.array(value, { minLength: 2, maxLength: 3 })).map(([k, vs]) => vs.map((v) => [k, v] as [string, string]));
  const query = fc.oneof(pairs, duplicated, fc.tuple(pairs, duplicated).map(([a, b]) => [...a, ...b]))
    .map((all) => all.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
  const hostileRequest = fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'),
    path,
    rawQuery: query,
    headers: fc.record({ ct: contentType, extra: fc.dictionary(fc.stringMatching(/^[a-z-]{1,12}$/), fc.string({ maxLength: 20 }), { maxKeys: 2 }) })
      .map(({ ct, extra }) => ({ ...extra, ...(ct ? { 'content-type': ct } : {}) })),
    bodyText: body,
  });
  const shaped = specShaped(api, BUILTIN_MODULES[api].spec, index, hostileJson, fc.constantFrom(...HOSTILE_KEYS));
  return fc.record({
    api: fc.constant(api),
    credential: fc.integer({ min: 0, max: 3 }),
    request: fc.oneof(hostileRequest, shaped),
  });
}
