/**
 * Job attributes a client sends, checked against Terrakube's field permissions:
 * `status` needs `team approve job`, `approvalTeam` needs `user is a super service`, everything else
 * `team manage job`; the audit fields are accepted and ignored (Hibernate's `@CreationTimestamp`,
 * `@UpdateTimestamp` and Spring Data auditing overwrite them on save). Elide checks a field's update
 * permission only when the value actually changes.
 */
import type { Principal } from '../../../core/principal.js';
import type { components } from '../../../generated/terrakube.js';
import type { JobRecord, JobStatus } from '../model.js';

export type WritableAttributes = components['schemas']['JobWritableAttributes'];

/** Attributes stored as sent (typed by the spec, so a plain copy is safe). */
export const PLAIN_ATTRIBUTES = [
  'command', 'output', 'comments', 'commitId', 'templateReference', 'tcl', 'via',
  'refresh', 'refreshOnly', 'planChanges', 'overrideBranch', 'terraformPlan',
] as const;
export type PlainAttribute = (typeof PLAIN_ATTRIBUTES)[number];

/** The plain attributes of the body whose value differs from the job's (all of them for a new job). */
export function changedPlain(attrs: WritableAttributes, job: JobRecord | undefined): PlainAttribute[] {
  return PLAIN_ATTRIBUTES.filter((key) => Object.prototype.hasOwnProperty.call(attrs, key) && attrs[key] !== undefined && (!job || job[key] !== attrs[key]));
}

/** Copies the listed plain attributes onto the job. */
export function applyPlain(job: JobRecord, attrs: WritableAttributes, keys: readonly PlainAttribute[]): void {
  const target = job as unknown as Record<PlainAttribute, unknown>;
  for (const key of keys) target[key] = attrs[key];
}

export function wantedStatus(attrs: WritableAttributes): JobStatus | undefined {
  return Object.prototype.hasOwnProperty.call(attrs, 'status') ? attrs.status : undefined;
}

export function wantedApprovalTeam(attrs: WritableAttributes): { value: string | null } | undefined {
  return Object.prototype.hasOwnProperty.call(attrs, 'approvalTeam') ? { value: attrs.approvalTeam ?? null } : undefined;
}

/** Who Terrakube records in `createdBy`/`updatedBy` (the token's email). */
export function auditName(p: Principal): string {
  return p.id;
}
