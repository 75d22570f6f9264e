/**
 * A queue of future lifecycle events on the virtual clock. Events are plain data (serialisable for
 * snapshots); the owner applies them in time order when the clock reaches them. Ties keep the order
 * they were scheduled in, so runs are deterministic.
 */
export interface ScheduledEvent<E> {
  at: number;
  seq: number;
  event: E;
}

export interface Scheduler<E> {
  schedule(at: number, event: E): void;
  /** Applies every event due at or before `now`, in order; events scheduled meanwhile run too if due. */
  runUntil(now: number, apply: (event: E, at: number) => void): number;
  /** Drops pending events matching the predicate (a cancelled or deleted job's future). */
  cancel(match: (event: E) => boolean): number;
  /** Time of the earliest pending event, or Infinity. */
  nextAt(): number;
  pending(): ReadonlyArray<ScheduledEvent<E>>;
  clear(): void;
  readonly size: number;
}

export function createScheduler<E>(): Scheduler<E> {
  // Binary min-heap on (at, seq).
  let heap: ScheduledEvent<E>[] = [];
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
  const pop = (): ScheduledEvent<E> => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      down(0);
    }
    return top;
  };

  return {
    schedule(at, event) {
      heap.push({ at, seq: seq++, event });
      up(heap.length - 1);
    },
    runUntil(now, apply) {
      let n = 0;
      while (heap.length > 0 && heap[0]!.at <= now) {
        const next = pop();
        apply(next.event, next.at);
        n++;
      }
      return n;
    },
    cancel(match) {
      const before = heap.length;
      heap = heap.filter((e) => !match(e.event));
      for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
      return before - heap.length;
    },
    nextAt: () => (heap.length > 0 ? heap[0]!.at : Infinity),
    pending: () => [...heap].sort((x, y) => (less(x, y) ? -1 : 1)),
    clear() {
      heap = [];
    },
    get size() {
      return heap.length;
    },
  };
}
