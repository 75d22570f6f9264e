import { beforeEach, describe, expect, it } from 'vitest';
import iot from '../../src/apis/iot/index.js';
import { sigV4Headers } from '../../src/apis/iot/auth.js';
import type { DevCredential } from '../../src/core/principal.js';
import type { ApiSuite, DoorRequestInit, DoorResponse } from './door.js';

const [alice, bob, carol, dave] = iot.auth.devCredentials() as [DevCredential, DevCredential, DevCredential, DevCredential];
const ACCOUNT = '123456789012';
const arn = (type: 'thing' | 'thinggroup' | 'job' | 'jobtemplate', name: string, account = ACCOUNT) => `arn:aws:iot:us-east-1:${account}:${type}/${name}`;
const ROLLOUT = 'firmware-rollout-2025-01'; // SNAPSHOT, IN_PROGRESS: lobby-01 SUCCEEDED, -02 IN_PROGRESS, -03 QUEUED, -04 FAILED
const CONTINUOUS = 'config-sync-continuous'; // CONTINUOUS, IN_PROGRESS, warehouse sensors
const COMPLETED = 'cert-rotation-2024-12'; // SNAPSHOT, COMPLETED, 3 things
const TEMPLATE = 'ota-firmware-template';
const JSON_TYPE = { 'content-type': 'application/json' };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const OPEN = ['QUEUED', 'IN_PROGRESS'];

type Summary = { thingArn: string; jobExecution: { status: string; retryAttempt: number; executionNumber: number } };

export const iotSuite: ApiSuite = (door) => {
  const as = (who: DevCredential | Record<string, string>, path: string, init: DoorRequestInit = {}): Promise<DoorResponse> => {
    const headers = 'headers' in who ? (who.headers as Record<string, string>) : who;
    return door().request('iot', path, { ...init, headers: { ...headers, ...(init.body !== undefined ? JSON_TYPE : {}), ...init.headers } });
  };
  const get = (path: string, who: DevCredential = alice) => as(who, path);
  const send = (method: string, path: string, body?: unknown, who: DevCredential = alice) => as(who, path, { method, ...(body !== undefined ? { body } : {}) });
  const job = async (id: string) => (await get(`/jobs/${id}`)).body.job;
  const executions = async (id: string): Promise<Summary[]> => (await get(`/jobs-executions/jobs/${id}?maxResults=250`)).body.jobExecutions;
  const execution = async (id: string, thing: string) => (await get(`/jobs/${id}/things/${thing}`)).body.execution;
  const createJob = (body: Record<string, unknown>, who: DevCredential = alice) => send('POST', '/jobs', { document: '{"operation":"reboot"}', ...body }, who);
  const lobbyAndWarehouse = [arn('thinggroup', 'lobby-thermostats'), arn('thinggroup', 'warehouse-sensors')];
  /** Every page of a list, following nextToken; the ids seen, in order. */
  const allPages = async (path: string, key: string, id: (item: any) => string, who: DevCredential = alice) => {
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 100; page++) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(`${path}${token ? `${sep}nextToken=${encodeURIComponent(token)}` : ''}`, who);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...res.body[key].map(id));
      token = res.body.nextToken;
      if (!token) return seen;
    }
    throw new Error('paging never ended');
  };
  const expectError = (res: DoorResponse, status: number, code: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body).toEqual({ error: expect.any(String), code });
    expect(res.headers['x-amzn-errortype']).toBe(code);
  };

  beforeEach(async () => {
    await door().admin.reset();
  });

  describe('iot: SigV4 authentication', () => {
    it('refuses a request without credentials with 403 MissingAuthenticationTokenException', async () => {
      expectError(await as({}, '/jobs'), 403, 'MissingAuthenticationTokenException');
    });

    it('refuses a header that is not SigV4, or lacks a part, with 403 IncompleteSignatureException', async () => {
      expectError(await as({ authorization: 'Bearer abc' }, '/jobs'), 403, 'IncompleteSignatureException');
      const noSignature = alice.headers['authorization']!.replace(/, Signature=[0-9a-f]+/, '');
      expectError(await as({ ...alice.headers, authorization: noSignature }, '/jobs'), 403, 'IncompleteSignatureException');
      const { 'x-amz-date': _date, ...undated } = alice.headers;
      expectError(await as(undated, '/jobs'), 403, 'IncompleteSignatureException');
    });

    it('refuses a credential scoped to another service, a wrong date or a bad signature with 403 InvalidSignatureException', async () => {
      const header = alice.headers['authorization']!;
      expectError(await as({ ...alice.headers, authorization: header.replace('/iot/', '/s3/') }, '/jobs'), 403, 'InvalidSignatureException');
      expectError(await as({ ...alice.headers, 'x-amz-date': '20250102T000000Z' }, '/jobs'), 403, 'InvalidSignatureException');
      expectError(await as({ ...alice.headers, authorization: header.replace(/Signature=[0-9a-f]+/, 'Signature=xyz') }, '/jobs'), 403, 'InvalidSignatureException');
    });

    it('refuses an unknown access key with 403 UnrecognizedClientException', async () => {
      expectError(await as(sigV4Headers('AKIAUNKNOWNUSER00000'), '/jobs'), 403, 'UnrecognizedClientException');
    });

    it('lets a read-only IAM user read but answers 403 AccessDeniedException to a write', async () => {
      expect((await get(`/jobs/${ROLLOUT}`, dave)).status).toBe(200);
      expectError(await send('PUT', `/jobs/${ROLLOUT}/cancel`, {}, dave), 403, 'AccessDeniedException');
      expect((await job(ROLLOUT)).status).toBe('IN_PROGRESS');
    });

    it('serves unsigned requests as the fixture account when auth is off', async () => {
      await door().admin.setAuth(false);
      try {
        const res = await as({}, `/jobs/${ROLLOUT}`);
        expect(res.status).toBe(200);
        expect(res.body.job.jobArn).toBe(arn('job', ROLLOUT));
      } finally {
        await door().admin.setAuth(true);
      }
    });
  });

  describe('iot: accounts and regions', () => {
    it('shares jobs between users of one account', async () => {
      expect((await get(`/jobs/${ROLLOUT}`, bob)).body.job.jobId).toBe(ROLLOUT);
    });

    it("answers 404 for another account's job through get, document, executions and changes", async () => {
      for (const path of [`/jobs/${ROLLOUT}`, `/jobs/${ROLLOUT}/document`, `/jobs-executions/jobs/${ROLLOUT}`, `/jobs/${ROLLOUT}/things/thermostat-lobby-01`]) {
        expectError(await get(path, carol), 404, 'ResourceNotFoundException');
      }
      expectError(await send('PUT', `/jobs/${ROLLOUT}/cancel`, {}, carol), 404, 'ResourceNotFoundException');
      expectError(await send('DELETE', `/jobs/${COMPLETED}`, undefined, carol), 404, 'ResourceNotFoundException');
      expect((await job(ROLLOUT)).status).toBe('IN_PROGRESS');
    });

    it("keeps each account's lists, filters and pages apart", async () => {
      const aliceIds = await allPages('/jobs?maxResults=7', 'jobs', (j) => j.jobId);
      const carolIds = await allPages('/jobs?maxResults=2', 'jobs', (j) => j.jobId, carol);
      expect(carolIds.length).toBeGreaterThan(0);
      expect(carolIds.filter((id) => aliceIds.includes(id))).toEqual([]);
      const carolJobs = (await get('/jobs?maxResults=250', carol)).body.jobs;
      expect(carolJobs.every((j: { jobArn: string }) => j.jobArn.includes(':210987654321:'))).toBe(true);
      expectError(await get('/jobs-executions/things/thermostat-lobby-01', carol), 404, 'ResourceNotFoundException');
      const firstPage = await get('/jobs?maxResults=2');
      expectError(await get(`/jobs?maxResults=2&nextToken=${firstPage.body.nextToken}`, carol), 400, 'InvalidRequestException');
    });

    it('lets another account use the same job id, and keeps both jobs', async () => {
      const res = await createJob({ jobId: ROLLOUT, targets: [arn('thing', 'thermostat-lobby-01')] }, carol);
      expectError(res, 404, 'ResourceNotFoundException'); // carol's registry has no such thing
      const carolThing = (await get('/jobs?maxResults=1', carol)).body.jobs[0].targets[0] as string;
      const created = await createJob({ jobId: ROLLOUT, targets: [carolThing] }, carol);
      expect(created.status).toBe(200);
      expect(created.body.jobArn).toBe(arn('job', ROLLOUT, '210987654321'));
      expect((await job(ROLLOUT)).targets).toEqual([arn('thinggroup', 'lobby-thermostats')]);
    });

    it('scopes jobs to the region of the credential', async () => {
      const euWest = sigV4Headers(alice.headers['authorization']!.match(/Credential=(\w+)/)![1]!, 'eu-west-1');
      expect((await as(euWest, '/jobs')).body).toEqual({ jobs: [] });
      expectError(await as(euWest, `/jobs/${ROLLOUT}`), 404, 'ResourceNotFoundException');
    });
  });

  describe('iot: POST /jobs', () => {
    it('creates an IN_PROGRESS job with one QUEUED execution per target thing and answers its id and ARN', async () => {
      const res = await createJob({ jobId: 'reboot-lobby', targets: [arn('thinggroup', 'lobby-thermostats'), arn('thing', 'thermostat-lobby-01')], description: 'Reboot' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ created: true, jobArn: arn('job', 'reboot-lobby'), jobId: 'reboot-lobby', description: 'Reboot' });
      const created = await job('reboot-lobby');
      expect(created).toMatchObject({ status: 'IN_PROGRESS', targetSelection: 'SNAPSHOT', createdAt: 1735689600, jobProcessDetails: { numberOfQueuedThings: 4, numberOfInProgressThings: 0 } });
      const list = await executions('reboot-lobby');
      expect(list.map((e) => e.thingArn)).toEqual([1, 2, 3, 4].map((n) => arn('thing', `thermostat-lobby-0${n}`)));
      expect(list.every((e) => e.jobExecution.status === 'QUEUED' && e.jobExecution.executionNumber === 1)).toBe(true);
      expect((await execution('reboot-lobby', 'thermostat-lobby-02')).versionNumber).toBe(1);
      expect((await get('/jobs/reboot-lobby/document')).body).toEqual({ document: '{"operation":"reboot"}' });
    });

    it('generates a UUID job id when the body has none', async () => {
      const res = await createJob({ targets: [arn('thing', 'dock-camera-01')] });
      expect(res.status).toBe(200);
      expect(res.body.jobId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect((await job(res.body.jobId)).jobArn).toBe(res.body.jobArn);
    });

    it('creates a job from a template, with its document and configuration', async () => {
      const res = await send('POST', '/jobs', { jobId: 'from-template', targets: [arn('thing', 'dock-camera-02')], jobTemplateArn: arn('jobtemplate', TEMPLATE) });
      expect(res.status).toBe(200);
      const template = (await get(`/job-templates/${TEMPLATE}`)).body.jobTemplate;
      expect((await get('/jobs/from-template/document')).body.document).toBe(template.document);
      expect(await job('from-template')).toMatchObject({ jobTemplateArn: arn('jobtemplate', TEMPLATE), timeoutConfig: template.timeoutConfig });
      expectError(await send('POST', '/jobs', { targets: [arn('thing', 'dock-camera-02')], jobTemplateArn: arn('jobtemplate', 'nope') }), 404, 'ResourceNotFoundException');
      expectError(await createJob({ targets: [arn('thing', 'dock-camera-02')], jobTemplateArn: arn('jobtemplate', TEMPLATE) }), 400, 'InvalidRequestException');
    });

    it('answers 409 for a job id that exists, 404 for an unknown target, 400 for a document that is not a JSON object', async () => {
      expectError(await createJob({ jobId: ROLLOUT, targets: [arn('thing', 'dock-camera-01')] }), 409, 'ResourceAlreadyExistsException');
      expectError(await createJob({ targets: [arn('thing', 'no-such-thing')] }), 404, 'ResourceNotFoundException');
      expectError(await createJob({ targets: [arn('thinggroup', 'no-such-group')] }), 404, 'ResourceNotFoundException');
      expectError(await createJob({ targets: [arn('thing', 'dock-camera-01')], document: '[1,2]' }), 400, 'InvalidRequestException');
      expect((await get('/jobs?maxResults=250')).body.jobs).toHaveLength(32);
    });

    it('answers 422 for a body that breaks the schema, as the seed says', async () => {
      expectError(await send('POST', '/jobs', { document: '{}' }), 422, 'InvalidRequestException');
      expectError(await createJob({ targets: ['thermostat-lobby-01'] }), 422, 'InvalidRequestException');
      expectError(await createJob({ targets: [arn('thing', 'dock-camera-01')], targetSelection: 'SOMETIMES' }), 422, 'InvalidRequestException');
      expectError(await createJob({ jobId: 'bad id!', targets: [arn('thing', 'dock-camera-01')] }), 422, 'InvalidRequestException');
    });
  });

  describe('iot: the simulated device fleet on the clock', () => {
    it('moves executions QUEUED → IN_PROGRESS → terminal and completes a SNAPSHOT job once all are terminal', async () => {
      await createJob({ jobId: 'fleet', targets: lobbyAndWarehouse });
      expect((await job('fleet')).jobProcessDetails.numberOfQueuedThings).toBe(10);
      await door().admin.advance(3 * MINUTE);
      const early = await executions('fleet');
      expect(early.some((e) => e.jobExecution.status !== 'QUEUED')).toBe(true);
      await door().admin.advance(4 * HOUR);
      const done = await job('fleet');
      const statuses = (await executions('fleet')).map((e) => e.jobExecution.status);
      expect(statuses.every((s) => !OPEN.includes(s))).toBe(true);
      expect(statuses.filter((s) => s === 'SUCCEEDED').length).toBeGreaterThan(0);
      expect(done.status).toBe('COMPLETED');
      expect(done.completedAt).toBe(done.lastUpdatedAt);
      const d = done.jobProcessDetails;
      expect(d.numberOfSucceededThings + d.numberOfFailedThings + d.numberOfRejectedThings + d.numberOfTimedOutThings).toBe(10);
    });

    it('counts every change of an execution in its versionNumber', async () => {
      await createJob({ jobId: 'versions', targets: [arn('thing', 'dock-camera-01')] });
      const seen = new Set<number>();
      for (let i = 0; i < 30; i++) {
        const e = await execution('versions', 'dock-camera-01');
        seen.add(e.versionNumber);
        if (!OPEN.includes(e.status)) break;
        await door().admin.advance(5 * MINUTE);
      }
      const last = await execution('versions', 'dock-camera-01');
      expect(seen.has(1)).toBe(true);
      expect(last.versionNumber).toBe(last.status === 'REJECTED' ? 2 : 4);
    });

    it('times out executions that stay IN_PROGRESS longer than timeoutConfig allows', async () => {
      await createJob({ jobId: 'short-timeout', targets: lobbyAndWarehouse, timeoutConfig: { inProgressTimeoutInMinutes: 1 } });
      await door().admin.advance(2 * HOUR);
      const statuses = (await executions('short-timeout')).map((e) => e.jobExecution.status);
      expect(statuses.filter((s) => s === 'TIMED_OUT').length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 'TIMED_OUT' || s === 'REJECTED')).toBe(true);
      expect((await job('short-timeout')).jobProcessDetails.numberOfTimedOutThings).toBe(statuses.filter((s) => s === 'TIMED_OUT').length);
    });

    it('shows the seconds left before an IN_PROGRESS execution times out', async () => {
      const e = await execution(ROLLOUT, 'thermostat-lobby-02');
      expect(e.status).toBe('IN_PROGRESS');
      expect(e.approximateSecondsBeforeTimedOut).toBe(Math.ceil(e.startedAt + 3600 - 1735689600));
      await door().admin.advance(MINUTE);
      const later = await execution(ROLLOUT, 'thermostat-lobby-02');
      if (later.status === 'IN_PROGRESS') expect(later.approximateSecondsBeforeTimedOut).toBe(e.approximateSecondsBeforeTimedOut - 60);
    });

    it('retries FAILED / TIMED_OUT executions while jobExecutionsRetryConfig allows', async () => {
      await createJob({ jobId: 'retries', targets: lobbyAndWarehouse, timeoutConfig: { inProgressTimeoutInMinutes: 1 }, jobExecutionsRetryConfig: { criteriaList: [{ failureType: 'ALL', numberOfRetries: 2 }] } });
      await door().admin.advance(6 * HOUR);
      const list = await executions('retries');
      expect(list.every((e) => e.jobExecution.status === 'REJECTED' || (e.jobExecution.status === 'TIMED_OUT' && e.jobExecution.retryAttempt === 2))).toBe(true);
      expect(list.some((e) => e.jobExecution.retryAttempt === 2)).toBe(true);
    });

    it('rolls out no faster than jobExecutionsRolloutConfig.maximumPerMinute', async () => {
      await createJob({ jobId: 'paced', targets: lobbyAndWarehouse, jobExecutionsRolloutConfig: { maximumPerMinute: 2 } });
      await door().admin.advance(2 * MINUTE - 1);
      const started = (await executions('paced')).filter((e) => e.jobExecution.status !== 'QUEUED');
      expect(started.length).toBeLessThanOrEqual(4);
      await door().admin.advance(5 * HOUR);
      expect((await job('paced')).status).toBe('COMPLETED');
    });

    it('never completes a CONTINUOUS job', async () => {
      await createJob({ jobId: 'forever', targets: [arn('thinggroup', 'loading-dock-cameras')], targetSelection: 'CONTINUOUS' });
      await door().admin.advance(6 * HOUR);
      expect((await executions('forever')).every((e) => !OPEN.includes(e.jobExecution.status))).toBe(true);
      expect((await job('forever')).status).toBe('IN_PROGRESS');
    });

    it('is deterministic: the same requests on a reset mock give the same executions', async () => {
      const run = async () => {
        await createJob({ jobId: 'same', targets: lobbyAndWarehouse });
        await door().admin.advance(20 * MINUTE);
        return JSON.stringify(await executions('same'));
      };
      const first = await run();
      await door().admin.reset();
      expect(await run()).toBe(first);
    });
  });

  describe('iot: PUT /jobs/{jobId}/cancel', () => {
    it('cancels QUEUED executions only, and lets IN_PROGRESS ones run to their end', async () => {
      const res = await send('PUT', `/jobs/${ROLLOUT}/cancel`, { comment: 'superseded', reasonCode: 'SUPERSEDED' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ canceled: true, jobId: ROLLOUT, jobArn: arn('job', ROLLOUT) });
      const canceled = await job(ROLLOUT);
      expect(canceled).toMatchObject({ status: 'CANCELED', comment: 'superseded', reasonCode: 'SUPERSEDED' });
      expect(canceled).not.toHaveProperty('forceCanceled');
      expect((await execution(ROLLOUT, 'thermostat-lobby-03')).status).toBe('CANCELED');
      expect((await execution(ROLLOUT, 'thermostat-lobby-02')).status).toBe('IN_PROGRESS');
      await door().admin.advance(3 * HOUR);
      expect(['SUCCEEDED', 'FAILED', 'TIMED_OUT']).toContain((await execution(ROLLOUT, 'thermostat-lobby-02')).status);
      expect((await job(ROLLOUT)).status).toBe('CANCELED');
    });

    it('with force also cancels IN_PROGRESS executions, marking them forceCanceled', async () => {
      expect((await send('PUT', `/jobs/${ROLLOUT}/cancel?force=true`)).status).toBe(200);
      expect(await job(ROLLOUT)).toMatchObject({ status: 'CANCELED', forceCanceled: true, jobProcessDetails: { numberOfCanceledThings: 2, numberOfInProgressThings: 0, numberOfQueuedThings: 0 } });
      expect(await execution(ROLLOUT, 'thermostat-lobby-02')).toMatchObject({ status: 'CANCELED', forceCanceled: true });
    });

    it("accepts the seed's force in the body, and a forced cancel of a job already CANCELED", async () => {
      expect((await send('PUT', `/jobs/${ROLLOUT}/cancel`)).status).toBe(200);
      expectError(await send('PUT', `/jobs/${ROLLOUT}/cancel`), 400, 'InvalidRequestException');
      expect((await send('PUT', `/jobs/${ROLLOUT}/cancel`, { force: true })).status).toBe(200);
      expect((await execution(ROLLOUT, 'thermostat-lobby-02')).forceCanceled).toBe(true);
    });

    it('answers 400 for a COMPLETED job and 404 for an unknown one', async () => {
      expectError(await send('PUT', `/jobs/${COMPLETED}/cancel`), 400, 'InvalidRequestException');
      expectError(await send('PUT', '/jobs/no-such-job/cancel'), 404, 'ResourceNotFoundException');
    });
  });

  describe('iot: PUT /jobs/{jobId}/things/{thingName}/cancel', () => {
    it('cancels a QUEUED execution, bumps its version and records the status details', async () => {
      const before = await execution(ROLLOUT, 'thermostat-lobby-03');
      const res = await send('PUT', `/jobs/${ROLLOUT}/things/thermostat-lobby-03/cancel`, { expectedVersion: before.versionNumber, statusDetails: { reason: 'replaced' }, progress: '0%' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ canceled: true });
      const after = await execution(ROLLOUT, 'thermostat-lobby-03');
      expect(after).toMatchObject({ status: 'CANCELED', versionNumber: before.versionNumber + 1, statusDetails: { detailsMap: { reason: 'replaced', progress: '0%' } } });
      expect(after).not.toHaveProperty('forceCanceled');
    });

    it('answers 409 for an IN_PROGRESS execution without force, and cancels it with force', async () => {
      expectError(await send('PUT', `/jobs/${ROLLOUT}/things/thermostat-lobby-02/cancel`), 409, 'InvalidStateTransitionException');
      expect((await send('PUT', `/jobs/${ROLLOUT}/things/thermostat-lobby-02/cancel?force=true`)).status).toBe(200);
      expect(await execution(ROLLOUT, 'thermostat-lobby-02')).toMatchObject({ status: 'CANCELED', forceCanceled: true });
    });

    it('completes the SNAPSHOT job when its last open execution is canceled', async () => {
      await send('PUT', `/jobs/${ROLLOUT}/things/thermostat-lobby-03/cancel`);
      expect((await job(ROLLOUT)).status).toBe('IN_PROGRESS');
      await send('PUT', `/jobs/${ROLLOUT}/things/thermostat-lobby-02/cancel`, { force: true });
      expect(await job(ROLLOUT)).toMatchObject({ status: 'COMPLETED', completedAt: 1735689600 });
    });

    it('answers 409 for a terminal execution or a stale expectedVersion, 404 for a thing without an execution', async () => {
      expectError(await send('PUT', `/jobs/${ROLLOUT}/things/thermostat-lobby-01/cancel`), 409, 'InvalidStateTransitionException');
      expectError(await send('PUT', `/jobs/${ROLLOUT}/things/thermostat-lobby-03/cancel`, { expectedVersion: 9 }), 409, 'VersionConflictException');
      expectError(await send('PUT', `/jobs/${ROLLOUT}/things/dock-camera-01/cancel`), 404, 'ResourceNotFoundException');
      expect((await execution(ROLLOUT, 'thermostat-lobby-03')).status).toBe('QUEUED');
    });
  });

  describe('iot: DELETE /jobs/{jobId}', () => {
    it('deletes a terminal job through DELETION_IN_PROGRESS, after which it is gone and its id free', async () => {
      expect((await send('DELETE', `/jobs/${COMPLETED}`)).body).toEqual({ deleted: true });
      expect((await job(COMPLETED)).status).toBe('DELETION_IN_PROGRESS');
      expectError(await send('DELETE', `/jobs/${COMPLETED}`), 409, 'InvalidStateTransitionException');
      expectError(await createJob({ jobId: COMPLETED, targets: [arn('thing', 'dock-camera-01')] }), 409, 'ResourceAlreadyExistsException');
      await door().admin.advance(30_000 + 3 * 100);
      expectError(await get(`/jobs/${COMPLETED}`), 404, 'ResourceNotFoundException');
      const thingJobs = (await get('/jobs-executions/things/thermostat-lobby-01')).body.jobExecution.map((e: { jobId: string }) => e.jobId);
      expect(thingJobs).not.toContain(COMPLETED);
      expect((await createJob({ jobId: COMPLETED, targets: [arn('thing', 'dock-camera-01')] })).status).toBe(200);
    });

    it('answers 409 for an IN_PROGRESS job without force, and deletes it with force (query or body)', async () => {
      expectError(await send('DELETE', `/jobs/${ROLLOUT}`), 409, 'InvalidStateTransitionException');
      expect((await send('DELETE', `/jobs/${ROLLOUT}?force=true`)).status).toBe(200);
      expect((await send('DELETE', `/jobs/${CONTINUOUS}`, { force: true })).status).toBe(200);
      await door().admin.advance(HOUR);
      expectError(await get(`/jobs/${ROLLOUT}`), 404, 'ResourceNotFoundException');
      expectError(await get(`/jobs/${CONTINUOUS}`), 404, 'ResourceNotFoundException');
    });

    it('allows at most 10 jobs in DELETION_IN_PROGRESS at once (410 LimitExceededException)', async () => {
      const jobs = (await get('/jobs?maxResults=250')).body.jobs as { jobId: string; status: string }[];
      let deleting = jobs.filter((j) => j.status === 'DELETION_IN_PROGRESS').length;
      for (const j of jobs.filter((x) => x.status !== 'DELETION_IN_PROGRESS')) {
        const res = await send('DELETE', `/jobs/${j.jobId}?force=true`);
        if (deleting < 10) {
          expect(res.status).toBe(200);
          deleting++;
        } else {
          expectError(res, 410, 'LimitExceededException');
          return;
        }
      }
      throw new Error('the limit was never reached');
    });
  });

  describe('iot: DELETE /jobs/{jobId}/things/{thingName}', () => {
    it('deletes a terminal execution and takes it out of the counts and lists', async () => {
      const res = await send('DELETE', `/jobs/${ROLLOUT}/things/thermostat-lobby-04`, { executionNumber: '1' });
      expect(res.body).toEqual({ deleted: true });
      expectError(await get(`/jobs/${ROLLOUT}/things/thermostat-lobby-04`), 404, 'ResourceNotFoundException');
      expect((await executions(ROLLOUT)).map((e) => e.thingArn)).not.toContain(arn('thing', 'thermostat-lobby-04'));
      expect((await job(ROLLOUT)).jobProcessDetails.numberOfFailedThings).toBe(0);
      const thingList = (await get('/jobs-executions/things/thermostat-lobby-04')).body.jobExecution;
      expect(thingList.map((e: { jobId: string }) => e.jobId)).not.toContain(ROLLOUT);
    });

    it('answers 409 for a QUEUED execution without force and 404 for another execution number', async () => {
      expectError(await send('DELETE', `/jobs/${ROLLOUT}/things/thermostat-lobby-03`), 409, 'InvalidStateTransitionException');
      expectError(await send('DELETE', `/jobs/${ROLLOUT}/things/thermostat-lobby-01`, { executionNumber: 2 }), 404, 'ResourceNotFoundException');
      expect((await send('DELETE', `/jobs/${ROLLOUT}/things/thermostat-lobby-03?force=true`)).status).toBe(200);
    });
  });

  describe('iot: PUT /jobs/{jobId}/associate', () => {
    it('queues the new targets of a CONTINUOUS job', async () => {
      const res = await send('PUT', `/jobs/${CONTINUOUS}/associate`, { targets: [arn('thinggroup', 'loading-dock-cameras')], comment: 'cameras too' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ associated: true, jobId: CONTINUOUS });
      const j = await job(CONTINUOUS);
      expect(j.targets).toContain(arn('thinggroup', 'loading-dock-cameras'));
      expect(j.comment).toBe('cameras too');
      const cameras = (await executions(CONTINUOUS)).filter((e) => e.thingArn.includes('dock-camera'));
      expect(cameras.map((e) => e.jobExecution.status)).toEqual(['QUEUED', 'QUEUED', 'QUEUED']);
    });

    it('answers 400 for a SNAPSHOT job or one that is not IN_PROGRESS, 404 for unknown targets, 410 past 100 targets', async () => {
      const cameras = { targets: [arn('thinggroup', 'loading-dock-cameras')] };
      expectError(await send('PUT', `/jobs/${ROLLOUT}/associate`, cameras), 400, 'InvalidRequestException');
      expectError(await send('PUT', `/jobs/${CONTINUOUS}/associate`, { targets: [arn('thing', 'ghost')] }), 404, 'ResourceNotFoundException');
      const many = { targets: Array.from({ length: 100 }, (_, i) => arn('thing', `device-${i}`)) };
      expectError(await send('PUT', `/jobs/${CONTINUOUS}/associate`, many), 410, 'LimitExceededException');
      await send('PUT', `/jobs/${CONTINUOUS}/cancel`);
      expectError(await send('PUT', `/jobs/${CONTINUOUS}/associate`, cameras), 400, 'InvalidRequestException');
      expectError(await send('PUT', '/jobs/no-such-job/associate', cameras), 404, 'ResourceNotFoundException');
    });
  });

  describe('iot: PUT /jobs/{jobId}', () => {
    it('updates the description and configuration, keeping what is not sent', async () => {
      const res = await send('PUT', `/jobs/${ROLLOUT}`, { description: 'Staged rollout', abortConfig: { criteriaList: [{ failureType: 'FAILED', action: 'CANCEL', thresholdPercentage: 20, minNumberOfExecutedThings: 2 }] } });
      expect(res.body).toEqual({ updated: true });
      const j = await job(ROLLOUT);
      expect(j).toMatchObject({ description: 'Staged rollout', abortConfig: { criteriaList: [{ failureType: 'FAILED', thresholdPercentage: 20 }] }, timeoutConfig: { inProgressTimeoutInMinutes: 60 } });
    });

    it('answers 404 for an unknown job, 422 for a wrong type, 400 while the job is being deleted', async () => {
      expectError(await send('PUT', '/jobs/no-such-job', { description: 'x' }), 404, 'ResourceNotFoundException');
      expectError(await send('PUT', `/jobs/${ROLLOUT}`, { timeoutConfig: { inProgressTimeoutInMinutes: 'soon' } }), 422, 'InvalidRequestException');
      await send('DELETE', `/jobs/${COMPLETED}`);
      expectError(await send('PUT', `/jobs/${COMPLETED}`, { description: 'x' }), 400, 'InvalidRequestException');
    });
  });

  describe('iot: job templates', () => {
    it('creates, describes, lists and deletes a template', async () => {
      const created = await send('POST', '/job-templates', { jobTemplateId: 'nightly-reboot', description: 'Nightly reboot', document: '{"operation":"reboot"}', timeoutConfig: { inProgressTimeoutInMinutes: 20 } });
      expect(created.body).toEqual({ created: true, jobTemplateArn: arn('jobtemplate', 'nightly-reboot'), jobTemplateId: 'nightly-reboot' });
      expect((await get('/job-templates/nightly-reboot')).body.jobTemplate).toMatchObject({ description: 'Nightly reboot', document: '{"operation":"reboot"}', createdAt: 1735689600, timeoutConfig: { inProgressTimeoutInMinutes: 20 } });
      expect((await get('/job-templates?maxResults=1')).body.jobTemplates[0].jobTemplateId).toBe('nightly-reboot');
      expect((await send('DELETE', '/job-templates/nightly-reboot')).body).toEqual({ deleted: true });
      expectError(await get('/job-templates/nightly-reboot'), 404, 'ResourceNotFoundException');
      expectError(await send('DELETE', '/job-templates/nightly-reboot'), 404, 'ResourceNotFoundException');
    });

    it("copies an existing job's document and configuration from jobArn", async () => {
      const res = await send('POST', '/job-templates', { jobTemplateId: 'like-rollout', description: 'Like the rollout', jobArn: arn('job', ROLLOUT) });
      expect(res.status).toBe(200);
      const template = (await get('/job-templates/like-rollout')).body.jobTemplate;
      expect(template.document).toBe((await get(`/jobs/${ROLLOUT}/document`)).body.document);
      expect(template.jobExecutionsRolloutConfig).toEqual({ maximumPerMinute: 10 });
      expectError(await send('POST', '/job-templates', { description: 'x', jobArn: arn('job', 'no-such-job') }), 404, 'ResourceNotFoundException');
    });

    it('answers 409 ConflictException for an id in use and 422 without a description', async () => {
      expectError(await send('POST', '/job-templates', { jobTemplateId: TEMPLATE, description: 'again', document: '{}' }), 409, 'ConflictException');
      expectError(await send('POST', '/job-templates', { document: '{}' }), 422, 'InvalidRequestException');
    });
  });

  describe('iot: paging with nextToken and maxResults', () => {
    it('pages through every job exactly once, newest first', async () => {
      const all = (await get('/jobs?maxResults=250')).body.jobs as { jobId: string; createdAt: number }[];
      expect(all.length).toBe(32);
      expect(all.map((j) => j.createdAt)).toEqual([...all.map((j) => j.createdAt)].sort((a, b) => b - a));
      const paged = await allPages('/jobs?maxResults=4', 'jobs', (j) => j.jobId);
      expect(paged).toEqual(all.map((j) => j.jobId));
    });

    it('pages through a filter, and refuses a token used with other filters or made up', async () => {
      const completed = await allPages('/jobs?status=COMPLETED&maxResults=2', 'jobs', (j) => j.jobId);
      const all = (await get('/jobs?maxResults=250')).body.jobs as { jobId: string; status: string }[];
      expect(completed).toEqual(all.filter((j) => j.status === 'COMPLETED').map((j) => j.jobId));
      const first = await get('/jobs?status=COMPLETED&maxResults=2');
      expectError(await get(`/jobs?status=CANCELED&maxResults=2&nextToken=${first.body.nextToken}`), 400, 'InvalidRequestException');
      expectError(await get('/jobs?nextToken=bm90LWEtdG9rZW4'), 400, 'InvalidRequestException');
      expectError(await get('/jobs?maxResults=251'), 400, 'InvalidRequestException');
    });

    it('filters jobs by target selection and thing group', async () => {
      const continuous = (await get('/jobs?targetSelection=CONTINUOUS&maxResults=250')).body.jobs;
      expect(continuous.length).toBeGreaterThan(0);
      expect(continuous.every((j: { targetSelection: string }) => j.targetSelection === 'CONTINUOUS')).toBe(true);
      const lobby = (await get('/jobs?thingGroupName=lobby-thermostats')).body.jobs;
      expect(lobby.map((j: { jobId: string }) => j.jobId)).toEqual([ROLLOUT]);
      expect((await get(`/jobs?thingGroupId=${lobby[0].thingGroupId}`)).body.jobs.map((j: { jobId: string }) => j.jobId)).toEqual([ROLLOUT]);
    });

    it("pages through a job's executions and a thing's executions, with status filters", async () => {
      const byJob = await allPages(`/jobs-executions/jobs/${CONTINUOUS}?maxResults=1`, 'jobExecutions', (e) => e.thingArn);
      expect(byJob).toEqual([1, 2, 3, 4, 5, 6].map((n) => arn('thing', `warehouse-sensor-0${n}`)));
      const succeeded = (await get(`/jobs-executions/jobs/${CONTINUOUS}?status=SUCCEEDED`)).body.jobExecutions;
      expect(succeeded.length).toBe(3);
      const byThing = await allPages('/jobs-executions/things/thermostat-lobby-01?maxResults=1', 'jobExecution', (e) => e.jobId);
      expect(byThing).toEqual([ROLLOUT, COMPLETED]);
      expect((await get(`/jobs-executions/things/thermostat-lobby-01?jobId=${COMPLETED}`)).body.jobExecution).toEqual([{ jobId: COMPLETED, jobExecution: expect.objectContaining({ status: 'SUCCEEDED' }) }]);
      expect((await get('/jobs-executions/things/thermostat-lobby-01?status=QUEUED')).body).toEqual({ jobExecution: [] });
      expectError(await get(`/jobs-executions/jobs/${ROLLOUT}?status=DONE`), 400, 'InvalidRequestException');
    });

    it('pages through every job template exactly once', async () => {
      const paged = await allPages('/job-templates?maxResults=2', 'jobTemplates', (t) => t.jobTemplateId);
      expect(paged.length).toBe(7);
      expect(new Set(paged).size).toBe(7);
      expect(paged).toContain(TEMPLATE);
    });
  });

  describe("iot: errors in the seed's envelope", () => {
    it('answers 404 UnknownOperationException for an unknown path and 405 with Allow for a wrong method', async () => {
      expectError(await get('/jobz'), 404, 'UnknownOperationException');
      const res = await send('PATCH', `/jobs/${ROLLOUT}`);
      expectError(res, 405, 'MethodNotAllowedException');
      expect(res.headers['allow']).toBe('GET, PUT, DELETE');
    });

    it('answers 400 for malformed JSON, 415 for a body that is not JSON, 400 for a bad path parameter', async () => {
      expectError(await as(alice, '/jobs', { method: 'POST', headers: JSON_TYPE, body: '{"targets": [' }), 400, 'InvalidRequestException');
      expectError(await as(alice, '/jobs', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'targets=all' }), 415, 'UnsupportedMediaTypeException');
      expectError(await get('/jobs/not%20valid'), 400, 'InvalidRequestException');
    });
  });
};
