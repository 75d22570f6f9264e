import type { Job } from './lifecycle.js';

const ALICE = { _id: 'fbdpsNf4oHiX79vMJ', cls: 'User', slug: 'alice' };
const ALICE_PROJECT = { _id: 'aP4sXkR7nT2mQ9wZe', cls: 'Project', slug: 'alice-default' };

/**
 * Jobs the spec's success examples name (the seed's own ids where it has them), owned by the first
 * development user and always present in the fixtures. A unit test keeps them equal to the spec's
 * examples. Examples that change a job each name their own: the seed submits `RhCFP2WuehvG4hCLp`, but
 * that is the job the read and update examples expect `pre-submission`, so the two submit forms submit
 * `Fq7dNw3KpT9xRm2Za` and `Gt5hWq8MzR4nKp3Yb`; the delete example removes `HmeWjp69jHYkZYMkh`, which no
 * other example names. So the examples also hold against a server that is not reset between them.
 */
export const PINNED_JOBS: readonly Job[] = [
  {
    _id: 'RhCFP2WuehvG4hCLp',
    name: 'New Job Feb 15th 2017, 18:32 PM',
    status: 'pre-submission',
    statusTrack: [{ trackedAt: 1735560000000, status: 'pre-submission' }],
    createdAt: '2024-12-30T12:00:00.000Z',
    updatedAt: '2024-12-30T12:00:00.000Z',
    compute: { queue: 'D', nodes: 1, ppn: 1, timeLimit: '01:00:00', notify: 'n', cluster: { fqdn: 'AWS-cluster-001' } },
    _project: ALICE_PROJECT,
    _material: { _id: 'gyfPHZk56QAxRpAqv', cls: 'Material', slug: 'silicon-fcc' },
    workflow: { _id: '7GSofzPcxZryR8YiL', name: 'Total Energy', cls: 'Workflow' },
    owner: ALICE,
    creator: ALICE,
  },
  {
    _id: 'Kq3Xn8PbR2tWm5ZcA',
    name: 'GaAs band structure',
    status: 'finished',
    statusTrack: [
      { trackedAt: 1735300000000, status: 'pre-submission' },
      { trackedAt: 1735300060000, status: 'submitted' },
      { trackedAt: 1735300065000, status: 'queued' },
      { trackedAt: 1735300125000, status: 'active' },
      { trackedAt: 1735302525000, status: 'finished' },
    ],
    createdAt: '2024-12-27T11:46:40.000Z',
    updatedAt: '2024-12-27T12:28:45.000Z',
    startTime: '2024-12-27T11:48:45.000Z',
    compute: {
      queue: 'OR',
      nodes: 1,
      ppn: 8,
      timeLimit: '02:00:00',
      notify: 'abe',
      cluster: { fqdn: 'master-production-20160630-cluster-001.exabyte.io', jid: '48213.master-production-20160630-cluster-001.exabyte.io' },
    },
    _project: ALICE_PROJECT,
    _material: { _id: 'Tn6cWq9HxR3kZp2Mb', cls: 'Material', slug: 'gallium-arsenide' },
    workflow: { _id: 'Bz5rKp8WnQ3xTm2Hd', name: 'Band Structure', cls: 'Workflow' },
    owner: ALICE,
    creator: ALICE,
  },
  {
    _id: 'HmeWjp69jHYkZYMkh',
    name: 'TiO2 relaxation',
    status: 'timeout',
    statusTrack: [
      { trackedAt: 1735400000000, status: 'pre-submission' },
      { trackedAt: 1735400300000, status: 'submitted' },
      { trackedAt: 1735400306000, status: 'queued' },
      { trackedAt: 1735400380000, status: 'active' },
      { trackedAt: 1735402180000, status: 'timeout' },
    ],
    createdAt: '2024-12-28T15:33:20.000Z',
    updatedAt: '2024-12-28T16:09:40.000Z',
    startTime: '2024-12-28T15:39:40.000Z',
    compute: {
      queue: 'SR',
      nodes: 1,
      ppn: 4,
      timeLimit: '00:30:00',
      notify: 'n',
      cluster: { fqdn: 'master-production-20160630-cluster-001.exabyte.io', jid: '51077.master-production-20160630-cluster-001.exabyte.io' },
    },
    _project: ALICE_PROJECT,
    _material: { _id: 'Zr4mPq7TkW2nXc9Hb', cls: 'Material', slug: 'titanium-dioxide-rutile' },
    workflow: { _id: 'Ht8nCw3RpK5zQm6Xd', name: 'Variable-cell Relaxation', cls: 'Workflow' },
    owner: ALICE,
    creator: ALICE,
  },
  {
    _id: 'Fq7dNw3KpT9xRm2Za',
    name: 'Si band structure',
    status: 'pre-submission',
    statusTrack: [{ trackedAt: 1735635600000, status: 'pre-submission' }],
    createdAt: '2024-12-31T09:00:00.000Z',
    updatedAt: '2024-12-31T09:00:00.000Z',
    compute: { queue: 'OR', nodes: 1, ppn: 4, timeLimit: '02:00:00', notify: 'n' },
    _project: ALICE_PROJECT,
    _material: { _id: 'gyfPHZk56QAxRpAqv', cls: 'Material', slug: 'silicon-fcc' },
    workflow: { _id: 'Bz5rKp8WnQ3xTm2Hd', name: 'Band Structure', cls: 'Workflow' },
    owner: ALICE,
    creator: ALICE,
  },
  {
    _id: 'Gt5hWq8MzR4nKp3Yb',
    name: 'GaAs total energy',
    status: 'pre-submission',
    statusTrack: [{ trackedAt: 1735639200000, status: 'pre-submission' }],
    createdAt: '2024-12-31T10:00:00.000Z',
    updatedAt: '2024-12-31T10:00:00.000Z',
    compute: { queue: 'D', nodes: 1, ppn: 1, timeLimit: '01:00:00', notify: 'n', cluster: { fqdn: 'AWS-cluster-001' } },
    _project: ALICE_PROJECT,
    _material: { _id: 'Tn6cWq9HxR3kZp2Mb', cls: 'Material', slug: 'gallium-arsenide' },
    workflow: { _id: '7GSofzPcxZryR8YiL', name: 'Total Energy', cls: 'Workflow' },
    owner: ALICE,
    creator: ALICE,
  },
];
