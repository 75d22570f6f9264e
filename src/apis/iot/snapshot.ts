/** The store as API-shaped records (the same lists /__admin/seed accepts), for /__admin/state. */
import type { IotRecords } from './record-schemas.js';
import type { IotStore } from './store.js';
import { toExecution, toJob, toTemplate } from './views.js';

export interface IotSnapshot {
  scopes: (IotRecords & { account: string; region: string })[];
  /** Device events still to come, and when the next one is due (epoch ms, null when none). */
  pendingEvents: number;
  nextEventAt: number | null;
}

export function snapshotStore(store: IotStore, now: number): IotSnapshot {
  const scopes = [...store.scopes.values()].map((scope) => {
    const jobs = [...scope.jobs.values()];
    return {
      account: scope.account,
      region: scope.region,
      things: [...scope.things.values()].map((t) => ({ ...t })),
      thingGroups: [...scope.groups.values()].map((g) => ({ thingGroupName: g.thingGroupName, thingGroupArn: g.thingGroupArn, thingGroupId: g.thingGroupId, things: [...g.members] })),
      jobTemplates: [...scope.templates.values()].map(toTemplate),
      jobs: jobs.map(toJob),
      jobDocuments: jobs.map((j) => ({ jobArn: j.jobArn, document: j.document })),
      jobExecutions: jobs.flatMap((j) => [...j.executions.values()].map((e) => toExecution(e, now))),
    };
  });
  const next = store.scheduler.nextAt();
  return { scopes, pendingEvents: store.scheduler.size, nextEventAt: Number.isFinite(next) ? next : null };
}
