/**
 * AWS IoT identifier formats and ARNs, as the API reference documents them
 * (https://docs.aws.amazon.com/iot/latest/apireference/API_CreateJob.html and friends):
 * job and template ids `[a-zA-Z0-9_-]+` (1-64), thing and thing-group names `[a-zA-Z0-9:_-]+` (1-128),
 * ARNs `arn:aws:iot:<region>:<12-digit account>:<type>/<name>`.
 */
import type { Random } from '../../state/random.js';

/** Commercial-partition regions where AWS IoT Core runs (the partition the `arn:aws:` prefix belongs to). */
export const IOT_REGIONS: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'eu-south-1',
  'ap-east-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2',
  'me-south-1', 'me-central-1',
];
export const DEFAULT_REGION = 'us-east-1';

export function isRegion(value: string): boolean {
  return IOT_REGIONS.includes(value);
}

/** The account and region a request acts in: AWS IoT resources are regional and per account. */
export interface Scope {
  account: string;
  region: string;
}

export function scopeKey(scope: Scope): string {
  return `${scope.account}:${scope.region}`;
}

export type ResourceType = 'job' | 'thing' | 'thinggroup' | 'jobtemplate';

export function arnOf(scope: Scope, type: ResourceType, name: string): string {
  return `arn:aws:iot:${scope.region}:${scope.account}:${type}/${name}`;
}

export interface ParsedArn extends Scope {
  type: ResourceType;
  name: string;
}

const ARN = /^arn:aws:iot:([a-z0-9-]+):(\d{12}):(job|thing|thinggroup|jobtemplate)\/([a-zA-Z0-9:_-]{1,128})$/;

/**
 * ARNs already parsed: every JobSummary of a list page looks its targets up again (for thingGroupId),
 * and the regex was 13 % of a list's cost. Bounded: cleared when full.
 */
const parsedArns = new Map<string, Readonly<ParsedArn> | undefined>();

/** Parses an IoT ARN of one of the four resource types jobs-kit models; undefined otherwise. */
export function parseArn(arn: string): Readonly<ParsedArn> | undefined {
  if (parsedArns.has(arn)) return parsedArns.get(arn);
  const match = ARN.exec(arn);
  let parsed: Readonly<ParsedArn> | undefined;
  if (match) {
    const [, region, account, type, name] = match as unknown as [string, string, string, ResourceType, string];
    parsed = Object.freeze({ region, account, type, name });
  }
  // Only ARN-sized strings are kept, so hostile input cannot fill the memo with huge keys.
  if (arn.length <= 256) {
    if (parsedArns.size >= 4096) parsedArns.clear();
    parsedArns.set(arn, parsed);
  }
  return parsed;
}

/** A new job or template id when the caller gives none: AWS recommends a UUID for job ids. */
export function newResourceId(random: Random): string {
  return random.uuid();
}

/** AWS timestamps in the JSON protocol: epoch seconds with a fractional part. */
export function toEpochSeconds(ms: number): number {
  return ms / 1000;
}

export function fromEpochSeconds(seconds: number): number {
  return Math.round(seconds * 1000);
}
