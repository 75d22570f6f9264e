import { describe, expect, it } from 'vitest';
import { createCollection } from '../../state/collection.js';
import { addExecution, changeExecution, EXECUTION_TRANSITIONS, isTerminalExecution, removeExecution, setJobStatus } from './lifecycle.js';
import { emptyCounts, type ExecutionRecord, type JobRecord, type TargetSelection } from './store.js';

const fate = { pickupMs: 1000, response: 'run', runMs: 60_000, outcome: 'SUCCEEDED', removable: false } as const;

function jobWith(selection: TargetSelection, things: string[]): JobRecord {
  const job: JobRecord = {
    jobId: 'j', jobArn: 'arn:aws:iot:us-east-1:123456789012:job/j', targets: [], targetSelection: selection, status: 'IN_PROGRESS', document: '{}',
    forceCanceled: false, config: {}, tags: [], createdAt: 0, lastUpdatedAt: 0, executions: createCollection(), counts: emptyCounts(), executionNumbers: new Map(), rolledOut: 0,
  };
  for (const thingName of things) {
    const e: ExecutionRecord = { jobId: 'j', thingName, thingArn: `arn:aws:iot:us-east-1:123456789012:thing/${thingName}`, status: 'QUEUED', forceCanceled: false, statusDetails: new Map(), queuedAt: 0, lastUpdatedAt: 0, executionNumber: 1, versionNumber: 1, retryAttempt: 0, fate };
    addExecution(job, e);
    job.executionNumbers.set(thingName, 1);
  }
  return job;
}
const exec = (job: JobRecord, thing: string) => job.executions.get(thing)!;

describe('iot: execution lifecycle', () => {
  it('moves QUEUED → IN_PROGRESS → SUCCEEDED, bumping the version and keeping counts in step', () => {
    const job = jobWith('SNAPSHOT', ['a', 'b']);
    changeExecution(job, exec(job, 'a'), 'IN_PROGRESS', 1000);
    expect(exec(job, 'a')).toMatchObject({ status: 'IN_PROGRESS', startedAt: 1000, lastUpdatedAt: 1000, versionNumber: 2 });
    changeExecution(job, exec(job, 'a'), 'IN_PROGRESS', 2000, { statusDetails: new Map([['progress', '50%']]) });
    changeExecution(job, exec(job, 'a'), 'SUCCEEDED', 3000);
    expect(exec(job, 'a')).toMatchObject({ status: 'SUCCEEDED', versionNumber: 4, startedAt: 1000, lastUpdatedAt: 3000 });
    expect(job.counts).toMatchObject({ QUEUED: 1, IN_PROGRESS: 0, SUCCEEDED: 1 });
    expect(job.lastUpdatedAt).toBe(3000);
  });

  it('refuses transitions the state machine does not have (a bug in the mock, not a client error)', () => {
    const job = jobWith('SNAPSHOT', ['a']);
    expect(() => changeExecution(job, exec(job, 'a'), 'SUCCEEDED', 1)).toThrow(/cannot go from QUEUED to SUCCEEDED/);
    changeExecution(job, exec(job, 'a'), 'CANCELED', 1);
    expect(() => changeExecution(job, exec(job, 'a'), 'QUEUED', 2)).toThrow(/cannot go from CANCELED/);
  });

  it('has no way out of a terminal status', () => {
    for (const [from, to] of Object.entries(EXECUTION_TRANSITIONS)) expect(to.length === 0).toBe(isTerminalExecution(from as never));
  });

  it('re-queues a retried attempt without its start time', () => {
    const job = jobWith('SNAPSHOT', ['a']);
    changeExecution(job, exec(job, 'a'), 'IN_PROGRESS', 1000);
    changeExecution(job, exec(job, 'a'), 'QUEUED', 5000);
    expect(exec(job, 'a')).toMatchObject({ status: 'QUEUED', queuedAt: 5000, versionNumber: 3 });
    expect(exec(job, 'a').startedAt).toBeUndefined();
  });
});

describe('iot: job lifecycle', () => {
  it('completes a SNAPSHOT job when its last open execution ends', () => {
    const job = jobWith('SNAPSHOT', ['a', 'b']);
    changeExecution(job, exec(job, 'a'), 'REJECTED', 10);
    expect(job.status).toBe('IN_PROGRESS');
    changeExecution(job, exec(job, 'b'), 'CANCELED', 20);
    expect(job).toMatchObject({ status: 'COMPLETED', completedAt: 20, lastUpdatedAt: 20 });
  });

  it('never completes a CONTINUOUS job', () => {
    const job = jobWith('CONTINUOUS', ['a']);
    changeExecution(job, exec(job, 'a'), 'REMOVED', 10);
    expect(job.status).toBe('IN_PROGRESS');
  });

  it('completes a SNAPSHOT job when its last open execution is deleted', () => {
    const job = jobWith('SNAPSHOT', ['a', 'b']);
    changeExecution(job, exec(job, 'a'), 'REJECTED', 10);
    removeExecution(job, exec(job, 'b'), 30);
    expect(job).toMatchObject({ status: 'COMPLETED', completedAt: 30 });
    expect(job.counts.QUEUED).toBe(0);
  });

  it('allows only the documented job transitions', () => {
    const job = jobWith('SNAPSHOT', ['a']);
    setJobStatus(job, 'CANCELED', 1);
    setJobStatus(job, 'CANCELED', 2);
    expect(() => setJobStatus(job, 'IN_PROGRESS', 3)).toThrow();
    setJobStatus(job, 'DELETION_IN_PROGRESS', 4);
    expect(() => setJobStatus(job, 'CANCELED', 5)).toThrow();
  });
});
