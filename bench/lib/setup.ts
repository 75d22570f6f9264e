import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_MODULES } from '../../src/apis/registry.js';
import type { ApiName } from '../../src/core/api-module.js';
import { basePathOf } from '../../src/spec/spec-index.js';
import { memoryOf } from './children.js';
import { capture, prepare, type Capture } from './prepare.js';
import type { Recorder } from './recorder.js';
import { SCENARIOS, type Scenario } from './scenarios.js';
import { startBare, startJobsKit, startMswAdapter, startPrism, TARGET_KINDS, type Target, type TargetKind } from './targets.js';

/** One API's four servers, ready to load, with what the jobs-kit server answered. */
export interface ApiSetup {
  api: ApiName;
  scenario: Scenario;
  credential: Record<string, string>;
  targets: Target[];
  jobsKit: Target;
  listBody: unknown;
  bytes: Partial<Record<TargetKind, Capture['bytes']>>;
  idleRssMiB: number | undefined;
}

const work = mkdtempSync(join(tmpdir(), 'jobs-kit-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/**
 * Starts jobs-kit serve, captures its answers, then starts the bare server on those answers, the MSW
 * adapter and Prism, and checks each answers every operation with 2xx. A server that cannot is left
 * out (a problem; for Prism, a warning).
 */
export async function setUpApi(api: ApiName, idleMs: number, recorder: Recorder): Promise<ApiSetup> {
  const scenario = SCENARIOS[api]!;
  const module = BUILTIN_MODULES[api];
  const credential = module.auth.devCredentials()[0]!.headers;
  const basePath = basePathOf(module.spec);
  const jobsKit = await startJobsKit(api, basePath);
  await new Promise((resolve) => setTimeout(resolve, idleMs));
  const idleRssMiB = memoryOf(jobsKit.child.pid)?.rssMiB;
  await prepare(jobsKit, scenario, credential);
  const ours = await capture(jobsKit, scenario, credential);
  const routesFile = join(work, `${api}-routes.json`);
  writeFileSync(routesFile, JSON.stringify(ours.routes));
  const [bare, msw, prism] = await Promise.allSettled([startBare(api, basePath, routesFile), startMswAdapter(api, basePath), startPrism(api)]);
  const targets: Target[] = [jobsKit];
  const bytes: ApiSetup['bytes'] = { 'jobs-kit': ours.bytes };
  for (const [kind, started] of [['bare', bare], ['msw', msw], ['prism', prism]] as const) {
    if (started.status === 'rejected') {
      recorder.problems.push(`${api}: starting ${kind}: ${(started.reason as Error).message}`);
      continue;
    }
    try {
      await prepare(started.value, scenario, credential);
      bytes[kind] = (await capture(started.value, scenario, credential, ours.listBody)).bytes;
      targets.push(started.value);
    } catch (error) {
      // Prism answering non-2xx to a request our spec documents is worth knowing, not a broken bench.
      (kind === 'prism' ? recorder.warnings : recorder.problems).push(`${api}: ${kind} check: ${(error as Error).message}`);
      await started.value.child.stop();
    }
  }
  const order = new Map(TARGET_KINDS.map((k, i) => [k, i]));
  targets.sort((a, b) => order.get(a.kind)! - order.get(b.kind)!);
  return { api, scenario, credential, targets, jobsKit, listBody: ours.listBody, bytes, idleRssMiB };
}
