import type { components } from '../../generated/contenthub.js';

type Link = components['schemas']['Link'];

/**
 * Content Hub answers with absolute links on its own host. The mock uses the spec's default server
 * (`servers[0]`), so links are the same through every door and byte-identical per seed; clients of the
 * mock resolve the path and query against the mock's base URL.
 */
export const ORIGIN = 'https://your-server.sitecorecontenthub.cloud';

export const entityLink = (id: number): Link => ({ href: `${ORIGIN}/api/entities/${id}` });
export const definitionLink = (name: string): Link => ({ href: `${ORIGIN}/api/entitydefinitions/${name}` });
export const relationLink = (entityId: number, relation: string): Link => ({ href: `${ORIGIN}/api/entities/${entityId}/relations/${relation}` });
export const jobLink = (jobId: number): Link => ({ href: `${ORIGIN}/api/v2/jobs/${jobId}` });
export const descriptionLink = (jobId: number, descriptionId: number): Link => ({ href: `${ORIGIN}/api/jobs/${jobId}/description/${descriptionId}` });
export const targetLink = (jobId: number, targetId: number): Link => ({ href: `${ORIGIN}/api/jobs/${jobId}/targets/${targetId}` });

/** A link to a page of a job's targets, with the list's query in a stable order. */
export function targetsPageLink(jobId: number, query: { skip: number; take: number; state?: string; cultures: readonly string[] }): Link {
  const search = new URLSearchParams();
  search.set('skip', String(query.skip));
  search.set('take', String(query.take));
  if (query.state) search.set('state', query.state);
  for (const culture of query.cultures) search.append('cultures', culture);
  return { href: `${ORIGIN}/api/jobs/${jobId}/targets?${search.toString()}` };
}
