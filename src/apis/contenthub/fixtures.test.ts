import { describe, expect, it } from 'vitest';
import generated from '../../generated/contenthub.fixtures.js';
import { createClock, DEFAULT_START } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { createAjvPair } from '../../validation/create-ajv.js';
import { ALICE, BOB } from './auth.js';
import { buildFixtures } from './fixtures.js';
import contenthub from './index.js';
import { invariants } from './invariants.js';
import { JOB_PAIRS, TARGET_PAIRS } from './records.js';
import { createStore } from './store.js';

const files = buildFixtures(1);
const items = (name: string) => files[name]!.items as any[];
const freshStore = (start?: number) => createStore({ random: createRandom(1), clock: createClock(start === undefined ? {} : { start }), fixtures: true });

describe('contenthub: fixtures', () => {
  it('are byte-identical for the same seed and differ for another', () => {
    expect(JSON.stringify(buildFixtures(1))).toBe(JSON.stringify(files));
    expect(JSON.stringify(buildFixtures(2))).not.toBe(JSON.stringify(files));
  });

  it('are what the generated module holds (regenerate after changing the factory)', () => {
    expect(Object.keys(generated).sort()).toEqual(Object.keys(files).sort());
    for (const [name, file] of Object.entries(files)) expect(generated[name], name).toEqual(JSON.parse(JSON.stringify(file.items)));
  });

  it('validate against their spec schemas', () => {
    const { exact } = createAjvPair('contenthub', contenthub.spec);
    for (const [name, file] of Object.entries(files)) {
      const validate = typeof file.schema === 'string' ? exact.getSchema(`urn:jobs-kit:contenthub:schemas:${file.schema}`)! : exact.compile(file.schema);
      for (const item of file.items) expect(validate(item), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('cover every job and target state/condition pair', () => {
    const jobPairs = new Set(items('jobs.json').map((j) => `${j.properties['Job.State']}/${j.properties['Job.Condition']}`));
    const targetPairs = new Set(items('targets.json').map((t) => `${t.properties['Target.State']}/${t.properties['Target.Condition']}`));
    expect([...jobPairs].sort()).toEqual(JOB_PAIRS.map(([s, c]) => `${s}/${c}`).sort());
    expect([...targetPairs].sort()).toEqual(TARGET_PAIRS.map(([s, c]) => `${s}/${c}`).sort());
  });

  it('keep the jobs the spec examples and the conformance suite name', () => {
    const store = freshStore();
    const job = (id: number) => store.jobs.get(id)!;
    expect([job(39309).createdBy, job(39309).state, job(39309).targets.size, job(39309).descriptionId]).toEqual([ALICE.entityId, 'InProgress', 60, 39310]);
    expect([...job(39309).targets.values()].map((t) => t.id)).toEqual(Array.from({ length: 60 }, (_, i) => 39311 + i));
    expect(job(39309).targets.get('39311')!.state).toBe('Completed');
    expect([job(39309).targets.get('39340')!.state, job(39309).targets.get('39370')!.state]).toEqual(['Pending', 'Pending']);
    expect([job(39371).createdBy, job(39371).readers, job(39371).descriptionId, job(39371).targets.has('39373')]).toEqual([BOB.entityId, [], 39372, true]);
    expect([job(39376).createdBy, job(39376).readers]).toEqual([BOB.entityId, [ALICE.entityId]]);
    expect([job(39383).state, job(39383).pickupDelayMs]).toEqual(['Pending', null]);
    expect([job(39389).state, job(39389).descriptionId, job(39389).createdBy]).toEqual(['Created', null, ALICE.entityId]);
    expect(job(39405).state).toBe('Pending');
  });

  it('end with the contract-run jobs, so each writing example has records no other example uses', () => {
    const store = freshStore();
    const job = (id: number) => store.jobs.get(id)!;
    // 39515: running, its worker idle (the open target is a client's), so created targets run at once.
    expect([job(39515).createdBy, job(39515).state, job(39515).workerTarget]).toEqual([ALICE.entityId, 'InProgress', null]);
    expect([...job(39515).targets.values()].map((t) => [t.state, t.startedOn === null])).toEqual([['Completed', false], ['InProgress', true]]);
    expect([job(39519).createdBy, job(39519).descriptionId]).toEqual([ALICE.entityId, null]);
    expect([job(39521).createdBy, job(39521).descriptionId, [...job(39521).targets.values()].map((t) => t.id)]).toEqual([ALICE.entityId, 39522, [39523]]);
    expect([job(39393).createdBy, job(39393).descriptionId, job(39309).targets.get('39341')!.state]).toEqual([ALICE.entityId, 39394, 'Pending']);
  });

  it('leave the ids the spec’s create examples show as the next ones handed out', () => {
    const store = freshStore();
    const text = JSON.stringify(contenthub.spec);
    expect(text).toContain(`"ids":[${store.nextId},${store.nextId + 1}]`);
    expect(text).toContain(`"id":${store.nextId}}`);
    const taken = /"identifier":"([A-Za-z0-9]{22})"}/.exec(text)?.[1];
    expect(store.identifiers.get(taken!)).toBe(39371);
  });

  it('load with every invariant holding', () => {
    expect(invariants(freshStore())).toEqual([]);
  });

  it('move with a clock that starts elsewhere, so ages stay as written', () => {
    const day = 24 * 60 * 60 * 1000;
    const moved = freshStore(DEFAULT_START + day);
    const original = freshStore();
    const a = original.jobs.get(39383)!;
    const b = moved.jobs.get(39383)!;
    expect(b.createdOn - a.createdOn).toBe(day);
    expect(b.pendingSince! - a.pendingSince!).toBe(day);
    expect(moved.scheduler.nextAt() - original.scheduler.nextAt()).toBe(day);
  });
});
