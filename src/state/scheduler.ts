/**
 * A queue of future lifecycle events on the virtual clock. Events are plain data (serialisable for
 * snapshots); the owner applies them in time order when the clock reaches them. Ties keep the order
 * they were scheduled in, so runs are deterministic.
 *
 * Every event belongs to an owner (its job), named by `ownerOf`. Cancelling a job's future marks its
 * events dead through an index by owner, so it costs what the job has pending, not what the whole queue
 * holds: a store at its cap evicts a job on every create, and a filter over hundreds of thousands of
 * pending events each time was the largest cost (and the p99) of creating under load. Dead events are
 * skipped when they come due and swept out once they are half the heap.
 */
export interface ScheduledEvent<E> {
  at: number;
  seq: number;
  event: E;
}

export interface Scheduler<E, K> {
  schedule(at: number, event: E): void;
  /** Applies every event due at or before `now`, in order; events scheduled meanwhile run too if due. */
  runUntil(now: number, apply: (event: E, at: number) => void): number;
  /**
   * Drops the pending events of these owners (a cancelled, deleted or evicted job's future), or only
   * those of them that `match`. Returns how many were dropped.
   */
  cancelOwned(owners: Iterable<K>, match?: (event: E) => boolean): number;
  /** Time of the earliest pending event, or Infinity. */
  nextAt(): number;
  /** The pending events in the order they will run. */
  pending(): ReadonlyArray<ScheduledEvent<E>>;
  clear(): void;
  readonly size: number;
}

interface Entry<E, K> extends ScheduledEvent<E> {
  owner: K;
  dead: boolean;
}

/** Sweep dead entries once they are this many and half the heap (amortised O(1) per cancel). */
const SWEEP_MIN = 64;

export function createScheduler<E, K>(ownerOf: (event: E) => K): Scheduler<E, K> {
  // Binary min-heap on (at, seq).
  let heap: Entry<E, K>[] = [];
  const byOwner = new Map<K, Entry<E, K>[]>();
  let dead = 0;
  let seq = 0;
  const less = (x: ScheduledEvent<E>, y: ScheduledEvent<E>) => x.at < y.at || (x.at === y.at && x.seq < y.seq);
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  const pop = (): Entry<E, K> => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      down(0);
    }
    return top;
  };
  /** Takes a live entry that is leaving the heap out of its owner's list. */
  const unlink = (entry: Entry<E, K>) => {
    const list = byOwner.get(entry.owner)!;
    if (list.length === 1) {
      byOwner.delete(entry.owner);
      return;
    }
    const i = list.indexOf(entry);
    list[i] = list[list.length - 1]!;
    list.pop();
  };
  /** Keeps the top of the heap live, so `nextAt` and `runUntil` never see a cancelled event. */
  const dropDeadTop = () => {
    while (heap.length > 0 && heap[0]!.dead) {
      pop();
      dead--;
    }
  };
  const sweep = () => {
    if (dead < SWEEP_MIN || dead * 2 < heap.length) return;
    heap = heap.filter((e) => !e.dead);
    dead = 0;
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  };

  return {
    schedule(at, event) {
      const owner = ownerOf(event);
      const entry: Entry<E, K> = { at, seq: seq++, event, owner, dead: false };
      heap.push(entry);
      up(heap.length - 1);
      const list = byOwner.get(owner);
      if (list) list.push(entry);
      else byOwner.set(owner, [entry]);
    },
    runUntil(now, apply) {
      let n = 0;
      dropDeadTop();
      while (heap.length > 0 && heap[0]!.at <= now) {
        const next = pop();
        unlink(next);
        apply(next.event, next.at);
        n++;
        dropDeadTop();
      }
      return n;
    },
    cancelOwned(owners, match) {
      let n = 0;
      for (const owner of owners) {
        const list = byOwner.get(owner);
        if (!list) continue;
        const kept: Entry<E, K>[] = [];
        for (const entry of list) {
          if (match && !match(entry.event)) kept.push(entry);
          else {
            entry.dead = true;
            n++;
          }
        }
        if (kept.length === 0) byOwner.delete(owner);
        else if (kept.length < list.length) byOwner.set(owner, kept);
      }
      dead += n;
      dropDeadTop();
      sweep();
      return n;
    },
    nextAt: () => (heap.length > 0 ? heap[0]!.at : Infinity),
    pending: () => heap.filter((e) => !e.dead).sort((x, y) => (less(x, y) ? -1 : 1)).map(({ at, seq, event }) => ({ at, seq, event })),
    clear() {
      heap = [];
      byOwner.clear();
      dead = 0;
    },
    get size() {
      return heap.length - dead;
    },
  };
}
