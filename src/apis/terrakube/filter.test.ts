import { beforeEach, describe, expect, it } from 'vitest';
import { isApiError } from '../../core/api-error.js';
import { createClock } from '../../state/clock.js';
import { createRandom } from '../../state/random.js';
import { WS } from './catalog.js';
import { compileJobFilter } from './filter.js';
import { createStore, type TerrakubeStore } from './store.js';

let store: TerrakubeStore;
const ids = (filter: string): number[] => {
  const predicate = compileJobFilter(store, filter);
  if (isApiError(predicate)) throw new Error(predicate.message);
  return [...store.jobs.values()].filter(predicate).map((j) => j.id);
};
const refusal = (filter: string): string => {
  const result = compileJobFilter(store, filter);
  return isApiError(result) ? `${result.status} ${result.message}` : 'accepted';
};

describe('terrakube: filter[job] semantics', () => {
  beforeEach(() => {
    store = createStore({ random: createRandom(1), clock: createClock(), fixtures: true });
  });

  it('compares integers, enums, booleans and dates by their type', () => {
    expect(ids('id=le=3')).toEqual([1, 2, 3]);
    expect(ids('status==waitingApproval')).toEqual([33, 40]);
    expect(ids('planChanges==false').every((id) => store.jobs.get(String(id))!.planChanges === false)).toBe(true);
    expect(ids('createdDate=ge=2024-12-31T23:00Z')).toEqual([33, 34, 35, 36, 37, 38, 39, 40]);
  });

  it('treats * at either end of a text value as a wildcard, case-sensitively', () => {
    expect(ids('workspace.name==networking*')).toEqual(ids(`workspace.id==${WS.networking}`));
    expect(ids('workspace.name==*-prod')).toEqual(ids(`workspace.id==${WS.networking}`));
    expect(ids('workspace.name==*WORKING*')).toEqual([]);
    expect(ids('workspace.name=ini=(NETWORKING-PROD)')).toEqual(ids(`workspace.id==${WS.networking}`));
  });

  it('matches to-many paths when any related value matches (and != when none does)', () => {
    const waiting = ids('step.status==waitingApproval');
    expect(waiting).toEqual([33, 40]);
    expect(ids('step.status!=waitingApproval')).toHaveLength(store.jobs.size - 2);
    expect(ids('step.id=isnull=true')).toEqual([34, 36]);
  });

  it('tests for null with =isnull=', () => {
    expect(ids('templateReference=isnull=true')).toEqual([2, 10]);
    expect(ids('templateReference=isnull=false')).toHaveLength(store.jobs.size - 2);
  });

  it("refuses unknown fields and values that do not fit the field's type, with Elide's messages", () => {
    expect(refusal('branch==main')).toBe('400 No such association branch for type job');
    expect(refusal('__proto__==x')).toBe('400 No such association __proto__ for type job');
    expect(refusal('id==abc')).toBe('400 Invalid value: abc');
    expect(refusal('refresh==maybe')).toBe('400 Invalid value: maybe');
    expect(refusal('createdDate=gt=yesterday')).toBe('400 Invalid value: yesterday');
    expect(refusal('status=hasmember=completed')).toBe('400 Invalid value: status is not a collection');
    expect(refusal('status==')).toMatch(/^400 Encountered/);
  });
});
