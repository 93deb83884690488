// The append-only journal: changes are appended in order and fsynced in groups before any write is acknowledged.
import { close, fdatasync, fstatSync, openSync, write } from 'node:fs';
import { promisify } from 'node:util';
import type { Change } from './changes';
import { encodeRecord } from './record-file';

const writeAsync = promisify(write);
const datasyncAsync = promisify(fdatasync);
const closeAsync = promisify(close);

interface Waiter {
  upTo: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class Journal {
  private pending: Buffer[] = [];
  private appended = 0;
  private durable = 0;
  private waiters: Waiter[] = [];
  private flushing = false;
  private scheduled = false;
  private failure: Error | undefined;
  /** Bytes in the file plus bytes waiting to be written; the store compacts when this grows large. */
  bytes: number;
  /** Called when every appended record is on disk and nothing is in flight. */
  onIdle: (() => void) | undefined;

  private constructor(private readonly fd: number, readonly path: string, size: number, private barrier: Promise<void> | undefined) {
    this.bytes = size;
  }

  /**
   * Creates synchronously, so switching journals during compaction leaves no moment without one. `barrier`
   * (the folder's fsync that makes the new file's name durable) is awaited before the first record counts as
   * durable, without holding up the thread meanwhile.
   */
  static create(path: string, barrier?: Promise<void>): Journal {
    // A new generation's journal always starts empty ('w'): leftovers of an interrupted compaction must not replay.
    const fd = openSync(path, 'w');
    // Settled here too, so a failure is not reported as unhandled before the first flush awaits it.
    barrier?.catch(() => undefined);
    return new Journal(fd, path, fstatSync(fd).size, barrier);
  }

  append(change: Change): void {
    const record = encodeRecord(change);
    this.pending.push(record);
    this.appended += 1;
    this.bytes += record.length;
  }

  /** Resolves once every record appended so far is on disk. */
  sync(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.durable >= this.appended) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo: this.appended, resolve, reject });
      this.schedule();
    });
  }

  // Deferring to setImmediate lets every write that arrives in this turn of the event loop share one fsync.
  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      if (this.barrier) {
        await this.barrier;
        this.barrier = undefined;
      }
      while (this.pending.length) {
        const data = Buffer.concat(this.pending);
        const upTo = this.appended;
        this.pending = [];
        for (let written = 0; written < data.length; ) {
          written += (await writeAsync(this.fd, data, written, data.length - written)).bytesWritten;
        }
        await datasyncAsync(this.fd);
        this.durable = upTo;
        this.settle();
      }
    } catch (error) {
      // After a failed write the file's tail is unknown: refuse every later write rather than acknowledge it.
      this.failure = error instanceof Error ? error : new Error(String(error));
      for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
    } finally {
      this.flushing = false;
    }
    if (!this.failure && this.pending.length === 0) this.onIdle?.();
  }

  private settle(): void {
    const done = this.waiters.filter((w) => w.upTo <= this.durable);
    this.waiters = this.waiters.filter((w) => w.upTo > this.durable);
    for (const waiter of done) waiter.resolve();
  }

  get idle(): boolean {
    return !this.flushing && !this.scheduled && this.pending.length === 0;
  }

  async close(): Promise<void> {
    if (this.appended > this.durable && !this.failure) await this.sync().catch(() => undefined);
    await closeAsync(this.fd);
  }
}
