/** One request as the engine saw it. */
export interface JournalEntry {
  id: number;
  /** Virtual time the request arrived. */
  at: number;
  api: string;
  method: string;
  path: string;
  query: string;
  status: number;
  operationId: string | undefined;
  /** Engine time spent, in ms (wall time measured by the door; 0 when unknown). */
  durationMs: number;
  principal: string | undefined;
}

/** A bounded ring buffer: the oldest entries are evicted first, and evictions are counted. */
export interface Journal {
  /** Records a request; returns its id. */
  record(entry: Omit<JournalEntry, 'id'>): number;
  /** Entries oldest first, optionally only those after id `since`. */
  list(options?: { since?: number; api?: string; limit?: number }): JournalEntry[];
  clear(): void;
  readonly size: number;
  readonly capacity: number;
  readonly evicted: number;
}

/** How many distinct strings the journal keeps one copy of before it starts over (bounds hostile traffic). */
const INTERNED_MAX = 4096;

/**
 * The ring is kept by column, in arrays allocated once, and an entry object is only built when the journal
 * is listed. Why: an object per request stayed reachable for the next `capacity` requests, long enough under
 * load to be promoted to the old generation and die there, and that churn caused most of `serve`'s full
 * collections (a list load at ~11,000 req/s: 7 mark-compacts and 355 ms of scavenges in 10 s, against 3-4
 * and 206-244 ms with the journal off). The strings, which repeat request after request (api, method, path,
 * query, principal), are interned, so the ring holds the first copy of each and a door's fresh copy dies young.
 */
export function createJournal(capacity = 1000): Journal {
  if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`journal capacity must be a whole number >= 0, got ${capacity}`);
  const ids = new Float64Array(capacity);
  const ats = new Float64Array(capacity);
  const durations = new Float64Array(capacity);
  const statuses = new Uint16Array(capacity);
  const apis: string[] = new Array<string>(capacity).fill('');
  const methods: string[] = new Array<string>(capacity).fill('');
  const paths: string[] = new Array<string>(capacity).fill('');
  const queries: string[] = new Array<string>(capacity).fill('');
  const operationIds: (string | undefined)[] = new Array<string | undefined>(capacity).fill(undefined);
  const principals: (string | undefined)[] = new Array<string | undefined>(capacity).fill(undefined);
  const interned = new Map<string, string>();
  let start = 0;
  let size = 0;
  let nextId = 1;
  let evicted = 0;

  const intern = (value: string): string => {
    const known = interned.get(value);
    if (known !== undefined) return known;
    if (interned.size >= INTERNED_MAX) interned.clear();
    interned.set(value, value);
    return value;
  };
  const entryAt = (slot: number): JournalEntry => ({
    id: ids[slot]!,
    at: ats[slot]!,
    api: apis[slot]!,
    method: methods[slot]!,
    path: paths[slot]!,
    query: queries[slot]!,
    status: statuses[slot]!,
    operationId: operationIds[slot],
    durationMs: durations[slot]!,
    principal: principals[slot],
  });

  return {
    record(entry) {
      const id = nextId++;
      if (capacity === 0) {
        evicted++;
        return id;
      }
      let slot: number;
      if (size < capacity) {
        slot = (start + size) % capacity;
        size++;
      } else {
        slot = start;
        start = (start + 1) % capacity;
        evicted++;
      }
      ids[slot] = id;
      ats[slot] = entry.at;
      durations[slot] = entry.durationMs;
      statuses[slot] = entry.status;
      apis[slot] = intern(entry.api);
      methods[slot] = intern(entry.method);
      paths[slot] = intern(entry.path);
      queries[slot] = intern(entry.query);
      operationIds[slot] = entry.operationId;
      principals[slot] = entry.principal === undefined ? undefined : intern(entry.principal);
      return id;
    },
    list({ since, api, limit } = {}) {
      const out: JournalEntry[] = [];
      for (let i = 0; i < size; i++) {
        const slot = (start + i) % capacity;
        if (since !== undefined && ids[slot]! <= since) continue;
        if (api !== undefined && apis[slot] !== api) continue;
        out.push(entryAt(slot));
      }
      return limit !== undefined ? out.slice(-limit) : out;
    },
    clear() {
      // The columns stay allocated; dropping the string references lets them go.
      apis.fill('');
      methods.fill('');
      paths.fill('');
      queries.fill('');
      operationIds.fill(undefined);
      principals.fill(undefined);
      interned.clear();
      start = 0;
      size = 0;
    },
    get size() {
      return size;
    },
    capacity,
    get evicted() {
      return evicted;
    },
  };
}
