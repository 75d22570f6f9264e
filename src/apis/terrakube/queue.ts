/**
 * A workspace's jobs in id order, for the one question the scheduler asks on every tick and finish:
 * which is the earliest unfinished job? Terrakube runs a workspace's jobs one at a time in id order
 * (`isBlocked`), so only that job may start.
 *
 * Answering it with a pass over the store cost O(stored jobs) per call; once a store sits at its cap
 * (one eviction, hence one wake, per create) that pass was a third of a terrakube create's CPU. Here a
 * job joins the queue when it enters the store and leaves lazily: entries that have finished or left the
 * store are skipped at the front and swept out once the list has doubled, so each call is O(1) amortised
 * and the list never holds more than twice the live entries. A job never becomes unfinished again
 * once finished, which is what makes dropping it safe.
 */
import type { JobRecord } from './model.js';

const SWEEP_MIN = 64;

export class WorkspaceQueue {
  private items: JobRecord[] = [];
  private start = 0;
  private sweepAt = SWEEP_MIN;

  /** `waiting` says whether an entry still counts: unfinished and still in the store. */
  constructor(private readonly waiting: (job: JobRecord) => boolean) {}

  /** Adds a job entering the store. Ids only grow in a store (`load.ts` refuses older ones), so this appends. */
  add(job: JobRecord): void {
    const last = this.items[this.items.length - 1];
    if (last !== undefined && last.id > job.id) throw new Error(`terrakube: job ${job.id} entered the store after job ${last.id}`);
    this.items.push(job);
    if (this.items.length - this.start >= this.sweepAt) this.sweep();
  }

  /** The earliest job that is still waiting or running, if any. */
  head(): JobRecord | undefined {
    const { items } = this;
    while (this.start < items.length && !this.waiting(items[this.start]!)) this.start++;
    if (this.start >= SWEEP_MIN && this.start * 2 >= items.length) {
      this.items = items.slice(this.start);
      this.start = 0;
    }
    return this.items[this.start];
  }

  private sweep(): void {
    this.items = this.items.slice(this.start).filter(this.waiting);
    this.start = 0;
    this.sweepAt = Math.max(SWEEP_MIN, this.items.length * 2);
  }
}
