import { describe, expect, it } from 'vitest';
import { runContract } from '../../src/contract/run-contract.js';
import { JobsKitError } from '../../src/core/kit-error.js';
import { tinyContractApi } from './tiny-contract-api.js';
import { tinyContractSpec } from './tiny-contract-spec.js';
import { mockTarget } from './mock-target.js';
import { closedPort } from './closed-port.js';

describe('contract runner: options', () => {
  it('sends only safe methods in read-only mode, and skips flows', async () => {
    const target = mockTarget(tinyContractApi);
    const report = await runContract({ api: tinyContractApi, ...target, readOnly: true });
    const methods = new Set(target.fetch.engine.journal.list().map((j) => j.method));
    expect([...methods]).toEqual(['GET']);
    expect(report.ok).toBe(true);
    expect(report.checks.some((c) => c.kind === 'flow' || c.kind === 'invalid-body')).toBe(false);
    expect(report.checks.some((c) => c.kind === 'paging')).toBe(true);
  });

  it('checks only the operations named in only', async () => {
    const report = await runContract({ api: tinyContractApi, ...mockTarget(tinyContractApi), only: ['getJob'] });
    expect(new Set(report.checks.map((c) => c.operationId))).toEqual(new Set(['getJob']));
    expect(report.coverage.map((r) => r.operationId)).toEqual(['getJob']);
  });

  it('refuses an unknown operation in only, naming the known ones', async () => {
    await expect(runContract({ api: tinyContractApi, ...mockTarget(tinyContractApi), only: ['nope'] })).rejects.toThrow(/--only names unknown operations: nope/);
  });

  it('uses the headers it is given instead of the dev credentials', async () => {
    const report = await runContract({ api: tinyContractApi, ...mockTarget(tinyContractApi), headers: { Authorization: 'Bearer token-nobody' }, only: ['getJob'] });
    expect(report.checks.find((c) => c.id === 'example:getJob:success')).toMatchObject({ outcome: 'fail', response: { status: 401 } });
  });

  it('checks a bare spec document (no module, so no dev credentials)', async () => {
    const target = mockTarget(tinyContractApi);
    const report = await runContract({ api: tinyContractSpec, ...target, headers: { authorization: 'Bearer token-alice' }, only: ['listJobs'] });
    expect(report.api).toBe('tiny-jobs');
    expect(report.ok).toBe(true);
  });

  it('reads lifecycles without moving the clock when the admin API is not used', async () => {
    const report = await runContract({ api: tinyContractApi, ...mockTarget(tinyContractApi), admin: 'off' });
    // The job never finishes, so the flow's "a finished job cannot be cancelled" step sees a 200.
    expect(report.checks.find((c) => c.kind === 'lifecycle')?.message).toBe('observed QUEUED → QUEUED → QUEUED → QUEUED → QUEUED → CANCELED');
    expect(report.checks.find((c) => c.id === 'flow:createJob:cancelJob')).toMatchObject({ outcome: 'fail', response: { status: 200 } });
  });

  it('appends an overridden base path instead of the spec one', async () => {
    const target = mockTarget(tinyContractApi);
    const report = await runContract({ api: tinyContractApi, fetch: target.fetch, baseUrl: 'http://jobs-kit.local/tiny/v1', basePath: '', only: ['listEvents'] });
    expect(report.ok).toBe(true);
    expect(report.checks[0]!.request!.url).toBe('http://jobs-kit.local/tiny/v1/events');
  });

  it('fails a check whose request times out, and goes on', async () => {
    const target = mockTarget(tinyContractApi);
    const slow: typeof fetch = (input, init) =>
      String(input).includes('/events')
        ? new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))))
        : target.fetch(input, init);
    const report = await runContract({ api: tinyContractApi, baseUrl: target.baseUrl, fetch: slow, timeoutMs: 50, only: ['listEvents', 'getJob'] });
    expect(report.checks.find((c) => c.id === 'example:listEvents:success')).toMatchObject({ outcome: 'fail', message: expect.stringContaining('no answer within 50 ms') });
    expect(report.checks.find((c) => c.id === 'example:getJob:success')?.outcome).toBe('pass');
  });

  it('turns a refused connection into JOBSKIT_CONNECTION', async () => {
    const port = await closedPort();
    const error = await runContract({ api: tinyContractApi, baseUrl: `http://127.0.0.1:${port}/tiny` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobsKitError);
    expect((error as JobsKitError).code).toBe('JOBSKIT_CONNECTION');
    expect((error as JobsKitError).message).toMatch(new RegExp(`cannot reach http://127\\.0\\.0\\.1:${port}/tiny/v1/.*: ECONNREFUSED`));
  });

  it('refuses a base URL that is not http(s)', async () => {
    await expect(runContract({ api: tinyContractApi, baseUrl: 'localhost:4010' })).rejects.toMatchObject({ code: 'JOBSKIT_USAGE' });
  });

  it('reports coverage of documented statuses per operation', async () => {
    const report = await runContract({ api: tinyContractApi, ...mockTarget(tinyContractApi) });
    expect(report.coverage.find((r) => r.operationId === 'cancelJob')).toEqual({ operationId: 'cancelJob', method: 'POST', path: '/jobs/{jobId}/cancel', documented: ['200', '400', '401', '404', '409', '500'], exercised: [200, 400, 401, 404, 409] });
  });
});
