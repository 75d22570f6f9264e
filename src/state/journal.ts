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
  record(entry: Omit<JournalEntry, 'id'>): JournalEntry;
  /** Entries oldest first, optionally only those after id `since`. */
  list(options?: { since?: number; api?: string; limit?: number }): JournalEntry[];
  clear(): void;
  readonly size: number;
  readonly capacity: number;
  readonly evicted: number;
}

export function createJournal(capacity = 1000): Journal {
  if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`journal capacity must be a whole number >= 0, got ${capacity}`);
  let buffer: (JournalEntry | undefined)[] = new Array(capacity);
  let start = 0;
  let size = 0;
  let nextId = 1;
  let evicted = 0;
  return {
    record(entry) {
      const full: JournalEntry = { id: nextId++, ...entry };
      if (capacity === 0) {
        evicted++;
        return full;
      }
      if (size < capacity) {
        buffer[(start + size) % capacity] = full;
        size++;
      } else {
        buffer[start] = full;
        start = (start + 1) % capacity;
        evicted++;
      }
      return full;
    },
    list({ since, api, limit } = {}) {
      const out: JournalEntry[] = [];
      for (let i = 0; i < size; i++) {
        const e = buffer[(start + i) % capacity]!;
        if (since !== undefined && e.id <= since) continue;
        if (api !== undefined && e.api !== api) continue;
        out.push(e);
      }
      return limit !== undefined ? out.slice(-limit) : out;
    },
    clear() {
      buffer = new Array(capacity);
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
