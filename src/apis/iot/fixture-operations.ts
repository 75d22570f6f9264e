/**
 * What fixture jobs do: realistic job documents for common device operations (AWS IoT's
 * `${aws:iot:s3-presigned-url:...}` placeholder for files in S3), with matching descriptions and
 * configurations.
 */
import type { Faker } from '@faker-js/faker';
import type { components } from '../../generated/iot.js';
import { FIXTURE_ACCOUNT } from './auth.js';
import { arnOf, toEpochSeconds, type Scope } from './ids.js';
import type { JobConfig } from './store.js';

export interface Operation {
  slug: string;
  describe(f: Faker, deviceType: string): string;
  document(f: Faker, deviceType: string): string;
  config(f: Faker): JobConfig;
}

const presigned = (bucket: string, key: string) => `\${aws:iot:s3-presigned-url:https://s3.amazonaws.com/${bucket}/${key}}`;
const timeout = (f: Faker) => ({ timeoutConfig: { inProgressTimeoutInMinutes: f.helpers.arrayElement([15, 30, 60]) } });

export const OPERATIONS: readonly Operation[] = [
  {
    slug: 'ota-firmware',
    describe: (f, type) => `Firmware ${f.system.semver()} for the ${type}s`,
    document: (f, type) => JSON.stringify({ operation: 'ota', firmware: { version: f.system.semver(), url: presigned('acme-device-firmware', `${type}/${f.system.semver()}.bin`) }, rebootAfter: true }),
    config: (f) => ({
      presignedUrlConfig: { roleArn: `arn:aws:iam::${FIXTURE_ACCOUNT}:role/iot-jobs-presigned-urls`, expiresInSec: 3600 },
      jobExecutionsRolloutConfig: { maximumPerMinute: f.helpers.arrayElement([10, 50, 100]) },
      ...timeout(f),
    }),
  },
  {
    slug: 'rotate-certificates',
    describe: (_f, type) => `Rotate the ${type} device certificates`,
    document: (f) => JSON.stringify({ operation: 'rotate-certificate', keyAlgorithm: f.helpers.arrayElement(['EC_prime256v1', 'RSA_2048']), validityDays: 365 }),
    config: timeout,
  },
  {
    slug: 'update-config',
    describe: (f, type) => `Set the ${type} reporting interval to ${f.helpers.arrayElement([30, 60, 300])} seconds`,
    document: (f) => JSON.stringify({ operation: 'update-config', config: { reportIntervalSeconds: f.helpers.arrayElement([30, 60, 300]), logLevel: f.helpers.arrayElement(['info', 'warn', 'debug']) } }),
    config: () => ({}),
  },
  {
    slug: 'collect-logs',
    describe: (f, type) => `Collect ${type} logs for the ${f.hacker.noun()} investigation`,
    document: (f, type) => JSON.stringify({ operation: 'upload-logs', since: f.date.recent({ days: 7 }).toISOString(), destination: presigned('acme-device-logs', `${type}/diagnostics.tar.gz`) }),
    config: (f) => ({ ...timeout(f), jobExecutionsRetryConfig: { criteriaList: [{ failureType: 'FAILED', numberOfRetries: 0 }] } }),
  },
  {
    slug: 'reboot',
    describe: (_f, type) => `Reboot the ${type}s after the maintenance window`,
    document: (f) => JSON.stringify({ operation: 'reboot', delaySeconds: f.helpers.arrayElement([0, 30, 120]) }),
    config: (f) => ({ abortConfig: { criteriaList: [{ failureType: 'FAILED', action: 'CANCEL', thresholdPercentage: f.helpers.arrayElement([10, 25]), minNumberOfExecutedThings: 5 }] } }),
  },
  {
    slug: 'install-agent',
    describe: (f, type) => `Install the ${f.hacker.adjective()} monitoring agent on the ${type}s`,
    document: (f) => JSON.stringify({ operation: 'install', package: 'acme-edge-agent', version: f.system.semver() }),
    config: timeout,
  },
];

/** A job template for an operation. */
export function templateFor(f: Faker, scope: Scope, id: string, operation: Operation, deviceType: string, createdAt: number): components['schemas']['JobTemplate'] {
  return {
    jobTemplateArn: arnOf(scope, 'jobtemplate', id),
    jobTemplateId: id,
    description: operation.describe(f, deviceType),
    document: operation.document(f, deviceType),
    createdAt: toEpochSeconds(createdAt),
    ...operation.config(f),
  };
}
