/**
 * CPU cost per request of the engine alone (no sockets): `engine.handleSync` for each bench operation,
 * after a warm-up. Steadier than req/s on a shared machine; use it while changing the hot path.
 *
 *   npx tsx bench/engine-cost.ts [--apis iot,terrakube] [--calls 20000] [--ops list,get,create]
 */
import { BUILTIN_MODULES } from '../src/apis/registry.js';
import type { ApiName } from '../src/core/api-module.js';
import type { MockRequest } from '../src/core/http.js';
import { createEngine } from '../src/engine/create-engine.js';
import { basePathOf } from '../src/spec/spec-index.js';
import { LIST_SIZE, OPERATIONS, SCENARIOS, type OperationName } from './lib/scenarios.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : (argv[i + 1] ?? fallback);
};
const apis = option('--apis', 'iot,terrakube').split(',') as ApiName[];
const calls = Number(option('--calls', '20000'));
const ops = option('--ops', OPERATIONS.join(',')).split(',') as OperationName[];

for (const api of apis) {
  const scenario = SCENARIOS[api];
  if (!scenario) throw new Error(`no scenario for ${api}`);
  const credential = BUILTIN_MODULES[api].auth.devCredentials()[0]!.headers;
  const prefix = basePathOf(BUILTIN_MODULES[api].spec);
  const headers = Object.fromEntries(Object.entries(credential).map(([k, v]) => [k.toLowerCase(), v]));
  const engine = createEngine({ apis: [api], clock: 'manual', journalSize: 1000 });
  const request = (method: string, target: string, bodyText = '', contentType?: string): MockRequest => {
    const [path = '', rawQuery = ''] = `${prefix}${target}`.split('?');
    return { method, path, rawQuery, headers: contentType ? { ...headers, 'content-type': contentType } : headers, bodyText };
  };
  let n = 0;
  const create = () => request('POST', scenario.create.path, scenario.create.body(++n), scenario.create.contentType);
  const list = () => engine.handleSync(api, request('GET', scenario.list));
  while (scenario.countItems(JSON.parse(list().bodyText ?? '')) < LIST_SIZE) engine.handleSync(api, create());
  const listBody = JSON.parse(list().bodyText ?? '');
  const getRequest = request('GET', scenario.get(listBody));
  const listRequest = request('GET', scenario.list);
  for (const op of ops) {
    const next = op === 'create' ? create : () => (op === 'list' ? listRequest : getRequest);
    const run = (count: number) => {
      for (let i = 0; i < count; i++) {
        const response = engine.handleSync(api, next());
        if (response.status >= 300) throw new Error(`${api} ${op}: ${response.status} ${(response.bodyText ?? '').slice(0, 300)}`);
      }
    };
    run(Math.min(2000, calls));
    const cpu = process.cpuUsage();
    run(calls);
    const used = process.cpuUsage(cpu);
    console.log(`${api.padEnd(10)} ${op.padEnd(7)} ${((used.user + used.system) / calls).toFixed(1).padStart(7)} µs/req CPU`);
  }
}
