/**
 * An ordered keyed store for an API's records, built for paging: every insert gets a monotonically
 * increasing sequence number, and a page resumes after a sequence number found by binary search, so
 * the cost of a page does not grow with the number of stored records (only with the page size,
 * plus the records a filter skips).
 */
export interface PageOptions<T> {
  /** Resume strictly after this sequence number (from a previous page's `lastSeq`). */
  afterSeq?: number;
  /** Skip this many matching records first (offset paging). */
  offset?: number;
  limit: number;
  filter?: (item: T) => boolean;
  /** Newest first instead of insertion order. */
  reverse?: boolean;
}

export interface Page<T> {
  items: T[];
  /** Sequence number of the last item returned; pass as `afterSeq` to continue. */
  lastSeq: number | undefined;
  /** Whether more matching records follow. */
  hasMore: boolean;
}

export interface Collection<T> {
  get(key: string): T | undefined;
  has(key: string): boolean;
  /** Inserts a new record at the end, or replaces an existing one in place (keeping its position). */
  set(key: string, value: T): T;
  delete(key: string): boolean;
  seqOf(key: string): number | undefined;
  values(): IterableIterator<T>;
  page(options: PageOptions<T>): Page<T>;
  /** Count of records matching `filter` (all when omitted). */
  count(filter?: (item: T) => boolean): number;
  clear(): void;
  readonly size: number;
}

interface Slot<T> {
  seq: number;
  key: string;
  value: T;
  alive: boolean;
}

export function createCollection<T>(): Collection<T> {
  let byKey = new Map<string, Slot<T>>();
  let order: Slot<T>[] = [];
  let dead = 0;
  let nextSeq = 1;

  const compact = () => {
    if (dead > 64 && dead * 2 > order.length) {
      order = order.filter((s) => s.alive);
      dead = 0;
    }
  };
  /** First index in `order` whose seq is > seq. */
  const indexAfter = (seq: number): number => {
    let lo = 0, hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[mid]!.seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    get: (key) => byKey.get(key)?.value,
    has: (key) => byKey.has(key),
    set(key, value) {
      const slot = byKey.get(key);
      if (slot) slot.value = value;
      else {
        const fresh = { seq: nextSeq++, key, value, alive: true };
        byKey.set(key, fresh);
        order.push(fresh);
      }
      return value;
    },
    delete(key) {
      const slot = byKey.get(key);
      if (!slot) return false;
      slot.alive = false;
      byKey.delete(key);
      dead++;
      compact();
      return true;
    },
    seqOf: (key) => byKey.get(key)?.seq,
    *values() {
      for (const slot of byKey.values()) yield slot.value;
    },
    page({ afterSeq, offset = 0, limit, filter, reverse = false }) {
      const items: T[] = [];
      let lastSeq: number | undefined;
      let skip = offset;
      const step = reverse ? -1 : 1;
      let i: number;
      if (afterSeq === undefined) i = reverse ? order.length - 1 : 0;
      else i = reverse ? indexAfter(afterSeq - 1) - 1 : indexAfter(afterSeq);
      for (; i >= 0 && i < order.length; i += step) {
        const slot = order[i]!;
        if (!slot.alive || (filter && !filter(slot.value))) continue;
        if (skip > 0) {
          skip--;
          continue;
        }
        if (items.length === limit) return { items, lastSeq, hasMore: true };
        items.push(slot.value);
        lastSeq = slot.seq;
      }
      return { items, lastSeq, hasMore: false };
    },
    count(filter) {
      if (!filter) return byKey.size;
      let n = 0;
      for (const slot of byKey.values()) if (filter(slot.value)) n++;
      return n;
    },
    clear() {
      byKey = new Map();
      order = [];
      dead = 0;
    },
    get size() {
      return byKey.size;
    },
  };
}
