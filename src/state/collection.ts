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
  /** Keys of the `limit` oldest records (first inserted first), for eviction. */
  oldestKeys(limit: number): string[];
  clear(): void;
  readonly size: number;
}

interface Slot<T> {
  seq: number;
  key: string;
  value: T;
  alive: boolean;
}

/**
 * A class rather than a closure-built object: stores hold one collection per job (iot keeps one per
 * thing and per job's executions), and a closure-built object cost ≈ 1.8 KB per instance against a
 * few hundred bytes here (methods live on the prototype).
 */
class SeqCollection<T> implements Collection<T> {
  private byKey = new Map<string, Slot<T>>();
  private order: Slot<T>[] = [];
  private dead = 0;
  /** Index of the first live slot: evicting the oldest records leaves no dead prefix for pages to skip. */
  private head = 0;
  private nextSeq = 1;

  get(key: string): T | undefined {
    return this.byKey.get(key)?.value;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  set(key: string, value: T): T {
    const slot = this.byKey.get(key);
    if (slot) slot.value = value;
    else {
      const fresh = { seq: this.nextSeq++, key, value, alive: true };
      this.byKey.set(key, fresh);
      this.order.push(fresh);
    }
    return value;
  }

  delete(key: string): boolean {
    const slot = this.byKey.get(key);
    if (!slot) return false;
    slot.alive = false;
    this.byKey.delete(key);
    this.dead++;
    while (this.head < this.order.length && !this.order[this.head]!.alive) this.head++;
    this.compact();
    return true;
  }

  seqOf(key: string): number | undefined {
    return this.byKey.get(key)?.seq;
  }

  *values(): IterableIterator<T> {
    for (const slot of this.byKey.values()) yield slot.value;
  }

  page({ afterSeq, offset = 0, limit, filter, reverse = false }: PageOptions<T>): Page<T> {
    const order = this.order;
    const items: T[] = [];
    let lastSeq: number | undefined;
    let skip = offset;
    const step = reverse ? -1 : 1;
    let i: number;
    const head = this.head;
    if (afterSeq === undefined) i = reverse ? order.length - 1 : head;
    else i = reverse ? this.indexAfter(afterSeq - 1) - 1 : Math.max(head, this.indexAfter(afterSeq));
    for (; i >= head && i < order.length; i += step) {
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
  }

  count(filter?: (item: T) => boolean): number {
    if (!filter) return this.byKey.size;
    let n = 0;
    for (const slot of this.byKey.values()) if (filter(slot.value)) n++;
    return n;
  }

  oldestKeys(limit: number): string[] {
    const keys: string[] = [];
    for (let i = this.head; i < this.order.length && keys.length < limit; i++) {
      const slot = this.order[i]!;
      if (slot.alive) keys.push(slot.key);
    }
    return keys;
  }

  clear(): void {
    this.byKey = new Map();
    this.order = [];
    this.dead = 0;
    this.head = 0;
  }

  get size(): number {
    return this.byKey.size;
  }

  private compact(): void {
    if (this.dead > 64 && this.dead * 2 > this.order.length) {
      this.order = this.order.filter((s) => s.alive);
      this.dead = 0;
      this.head = 0;
    }
  }

  /** First index in `order` whose seq is > seq. */
  private indexAfter(seq: number): number {
    const order = this.order;
    let lo = 0, hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[mid]!.seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function createCollection<T>(): Collection<T> {
  return new SeqCollection<T>();
}
