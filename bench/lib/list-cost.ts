import { Agent } from 'node:http';
import { call } from './http.js';
import { driveAmount, non2xx } from './load.js';
import { prepare, requestFor } from './prepare.js';
import type { Scenario } from './scenarios.js';
import { median, percentile, round } from './stats.js';
import type { Target } from './targets.js';

export interface ListCostPoint {
  /** Jobs the bench created on top of the fixtures. */
  created: number;
  /** Seconds the creates took (through the API, 10 connections). */
  fillSeconds: number;
  calls: number;
  /** Client-observed latency of the list call (keep-alive, one at a time). */
  clientP50Ms: number;
  clientP99Ms: number;
  /** Engine time for the list call as the journal recorded it (route → serialised body): median of all calls... */
  engineP50Ms: number;
  /** ...and the lowest median of five batches of calls: the figure judged. */
  engineMs: number;
  rssMiB: number | undefined;
}

interface JournalEntry {
  operationId?: string;
  durationMs: number;
}

async function timeList(target: Target, scenario: Scenario, credential: Record<string, string>, calls: number): Promise<Omit<ListCostPoint, 'created' | 'fillSeconds' | 'rssMiB'>> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const request = requestFor(target, scenario, 'list', credential, undefined);
  const client: number[] = [];
  const warmup = Math.min(100, calls);
  try {
    for (let i = -warmup; i < calls; i++) {
      const reply = await call({ method: 'GET', url: target.origin + request.path, headers: request.headers, agent });
      if (reply.status !== 200) throw new Error(`bench: list-cost list answered ${reply.status}: ${reply.text.slice(0, 200)}`);
      if (i >= 0) client.push(reply.ms);
    }
  } finally {
    agent.destroy();
  }
  const journal = await call({ method: 'GET', url: `${target.origin}/__admin/requests?api=${target.api}&limit=${calls}` });
  const engine = (JSON.parse(journal.text) as { requests: JournalEntry[] }).requests.filter((e) => e.operationId === scenario.listOperationId).map((e) => e.durationMs);
  // Other load on the machine only ever adds time: the lowest median of five consecutive batches
  // is the figure least disturbed by it.
  const batch = Math.max(1, Math.floor(engine.length / 5));
  const batchMedians = Array.from({ length: Math.floor(engine.length / batch) }, (_, i) => median(engine.slice(i * batch, (i + 1) * batch)));
  const sorted = Float64Array.from(client).sort();
  return {
    calls,
    clientP50Ms: round(percentile(sorted, 50)),
    clientP99Ms: round(percentile(sorted, 99)),
    engineP50Ms: round(median(engine), 4),
    engineMs: round(Math.min(...batchMedians), 4),
  };
}

async function fill(target: Target, scenario: Scenario, credential: Record<string, string>, amount: number): Promise<number> {
  if (amount <= 0) return 0;
  const started = performance.now();
  const statuses = await driveAmount(target.origin, requestFor(target, scenario, 'create', credential, undefined), 10, amount);
  const bad = non2xx(statuses);
  if (bad > 0) throw new Error(`bench: filling ${target.api} with ${amount} jobs: ${bad} creates failed (${JSON.stringify(statuses)})`);
  return round((performance.now() - started) / 1000, 2);
}

/**
 * The cost of the same list page with `small` and then `large` jobs stored (created through the API,
 * so every index the API keeps is exercised). The journal's engine time is the figure judged: it is
 * the list's own cost, without the socket round trip that is the same for both.
 */
export async function measureListCost(
  target: Target,
  scenario: Scenario,
  credential: Record<string, string>,
  points: readonly number[],
  calls: number,
  rss: () => number | undefined,
): Promise<ListCostPoint[]> {
  await prepare(target, scenario, credential);
  const out: ListCostPoint[] = [];
  let created = 0;
  for (const goal of points) {
    const fillSeconds = await fill(target, scenario, credential, goal - created);
    created = goal;
    out.push({ created, fillSeconds, ...(await timeList(target, scenario, credential, calls)), rssMiB: rss() });
  }
  await target.reset();
  return out;
}
