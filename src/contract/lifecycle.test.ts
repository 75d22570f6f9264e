import { describe, expect, it } from 'vitest';
import { lifecycleProblems, reachable } from './lifecycle.js';

const lifecycle = {
  status: '/status',
  transitions: { QUEUED: ['RUNNING', 'CANCELED'], RUNNING: ['SUCCEEDED', 'FAILED'], SUCCEEDED: [], FAILED: [], CANCELED: [] },
  deleting: ['DELETING'],
};

describe('contract: lifecycle truths', () => {
  it('knows every state reachable in several steps', () => {
    expect([...reachable(lifecycle.transitions, 'QUEUED')].sort()).toEqual(['CANCELED', 'FAILED', 'RUNNING', 'SUCCEEDED']);
  });
  it('accepts staying, stepping and skipping ahead along documented transitions', () => {
    expect(lifecycleProblems(lifecycle, ['QUEUED', 'QUEUED', 'RUNNING', 'SUCCEEDED'])).toEqual([]);
    expect(lifecycleProblems(lifecycle, ['QUEUED', 'SUCCEEDED'])).toEqual([]);
  });
  it('refuses a move backwards', () => {
    expect(lifecycleProblems(lifecycle, ['RUNNING', 'QUEUED'])).toEqual(['RUNNING → QUEUED is not a documented transition']);
  });
  it('refuses leaving a terminal state', () => {
    expect(lifecycleProblems(lifecycle, ['CANCELED', 'RUNNING'])).toHaveLength(1);
  });
  it('accepts a deleting state from anywhere', () => {
    expect(lifecycleProblems(lifecycle, ['SUCCEEDED', 'DELETING'])).toEqual([]);
  });
  it('names an undocumented state', () => {
    expect(lifecycleProblems(lifecycle, ['DONE'])).toEqual(['observation 1: status "DONE" is not a documented state']);
  });
});
