import { ENABLED_CULTURES } from './cultures.js';
import { HOST_LINKS } from './links.js';
import { descriptionToApi, jobToApi, targetToApi } from './serialize.js';
import type { ContentHubStore } from './store.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What `/__admin/state` shows: every entity as the API returns it (all cultures, links on the real host), plus the simulation. */
export function snapshot(store: ContentHubStore): unknown {
  const jobs = [...store.jobs.values()];
  return {
    jobs: jobs.map((job) => ({
      ...jobToApi(job, ENABLED_CULTURES, HOST_LINKS),
      simulation: { readers: job.readers, pickup_delay_ms: job.pickupDelayMs, pending_since: iso(job.pendingSince), worker_target: job.workerTarget },
    })),
    descriptions: [...store.descriptions.values()].map((d) => descriptionToApi(d, ENABLED_CULTURES, HOST_LINKS)),
    targets: jobs.flatMap((job) => [...job.targets.values()].map((t) => targetToApi(t, ENABLED_CULTURES, HOST_LINKS))),
    next_id: store.nextId,
    scheduled: store.scheduler.pending().map((e) => ({ at: iso(e.at), ...e.event })),
  };
}
