import type { components } from '../../generated/contenthub.js';

type Link = components['schemas']['Link'];

/**
 * Content Hub answers with absolute links on its own host. The mock's links start at the API's mount
 * as the client addressed it (`request.mountUrl`, e.g. `http://127.0.0.1:4010/contenthub`), so a
 * client following `next`, `self` or a `Location` stays on the mock. Where nobody asked (fixtures,
 * `/__admin/state`) or a door cannot tell, they start at the spec's default server.
 */
export const ORIGIN = 'https://your-server.sitecorecontenthub.cloud';

/** The links of one response, all starting at `base` (no trailing slash). */
export interface Links {
  base: string;
  entity(id: number): Link;
  definition(name: string): Link;
  relation(entityId: number, relation: string): Link;
  job(jobId: number): Link;
  description(jobId: number, descriptionId: number): Link;
  target(jobId: number, targetId: number): Link;
  /** A page of a job's targets, with the list's query in a stable order. */
  targetsPage(jobId: number, query: { skip: number; take: number; state?: string; cultures: readonly string[] }): Link;
}

export function linksOn(base: string): Links {
  const at = (path: string): Link => ({ href: `${base}${path}` });
  return {
    base,
    entity: (id) => at(`/api/entities/${id}`),
    definition: (name) => at(`/api/entitydefinitions/${name}`),
    relation: (entityId, relation) => at(`/api/entities/${entityId}/relations/${relation}`),
    job: (jobId) => at(`/api/v2/jobs/${jobId}`),
    description: (jobId, descriptionId) => at(`/api/jobs/${jobId}/description/${descriptionId}`),
    target: (jobId, targetId) => at(`/api/jobs/${jobId}/targets/${targetId}`),
    targetsPage(jobId, query) {
      const search = new URLSearchParams();
      search.set('skip', String(query.skip));
      search.set('take', String(query.take));
      if (query.state) search.set('state', query.state);
      for (const culture of query.cultures) search.append('cultures', culture);
      return at(`/api/jobs/${jobId}/targets?${search.toString()}`);
    },
  };
}

/** Links on the real Content Hub host: the fixtures, the admin snapshot, and requests from a door that cannot tell its URL. */
export const HOST_LINKS: Links = linksOn(ORIGIN);

/**
 * Where a response's links start: the mount URL the client used, normalised (no query, no trailing
 * slash), or the real host when there is none or it is not an absolute http(s) URL (a garbled
 * `Host` header must not turn every body into a 500).
 */
export function linkBase(mountUrl: string | undefined): string {
  if (mountUrl === undefined) return ORIGIN;
  let url: URL;
  try {
    url = new URL(mountUrl);
  } catch {
    return ORIGIN;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return ORIGIN;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The links for a request whose door passed this mount URL. */
export const linksFor = (mountUrl: string | undefined): Links => {
  const base = linkBase(mountUrl);
  return base === ORIGIN ? HOST_LINKS : linksOn(base);
};
