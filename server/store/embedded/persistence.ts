// Durability for a data folder: load snapshot + journals on start, journal every change, and fold the journals
// into a new snapshot in the background (in slices, while the store keeps serving) when they grow.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from './catalog';
import type { Change, ChangeSink } from './changes';
import { Journal } from './journal';
import { lockDataDir, type DataDirLock } from './lock-file';
import type { StoreLogger } from './logger';
import { forEachRecord } from './record-file';
import { loadSnapshot, syncDirectoryAsync, writeSnapshotInSlices } from './snapshot';
import { takePrefetchedSnapshot } from './snapshot-prefetch';

/** What the server needs from a store's durability: a sink for changes and a barrier before acknowledging. */
export interface Persistence extends ChangeSink {
  /** Resolves when every change recorded so far is durable. */
  sync(): Promise<void>;
  /** Resolves when no compaction is running (tests and benches wait for one to finish). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStore {
  catalog: Catalog;
  persistence: Persistence;
}

/** Tests run purely in memory: nothing to write, nothing to wait for. */
export function openMemoryStore(): OpenStore {
  const done = (): Promise<void> => Promise.resolve();
  const persistence: Persistence = { record: () => undefined, sync: done, settled: done, close: done };
  return { catalog: new Catalog(persistence), persistence };
}

const JOURNAL_PATTERN = /^journal-(\d+)\.bson$/;
const journalName = (generation: number): string => `journal-${generation}.bson`;
/** Past this size the journals are folded into a new snapshot, bounding restart time and disk use. */
export const DEFAULT_COMPACT_BYTES = 64 * 1024 * 1024;
/** Every start opens a journal of its own; past this many the next compaction folds them in, however small. */
const MAX_JOURNALS = 8;
/** How long one slice of the index builds after a start may hold the thread before commands are answered. */
const INDEX_SLICE_MS = 4;

/**
 * The folder holds snapshot.bson (its header names generation G) and journal-G, journal-G+1, … that continue it.
 * A compaction switches to a new journal at once, then writes the snapshot of that moment in the background;
 * only when the new snapshot is renamed into place are the journals before it removed. A crash at any point
 * leaves a snapshot and every journal after it, so nothing acknowledged is lost.
 */
class DurableStore implements Persistence {
  private journal: Journal | undefined;
  /** The generation of the journal being written. */
  private generation = 0;
  /** Journals before the current one that the snapshot does not cover yet (bytes, files). */
  private olderBytes = 0;
  private olderJournals = 0;
  private compaction: Promise<void> | undefined;
  private closing = false;

  constructor(
    private readonly dir: string,
    private readonly lock: DataDirLock,
    private readonly logger: StoreLogger,
    private readonly compactBytes: number,
    readonly catalog: Catalog = new Catalog({ record: (change) => this.record(change) }),
  ) {}

  record(change: Change): void {
    if (!this.journal) throw new Error('embedded store journal is not open');
    this.journal.append(change);
  }

  sync(): Promise<void> {
    return this.journal ? this.journal.sync() : Promise.resolve();
  }

  settled(): Promise<void> {
    return this.compaction ?? Promise.resolve();
  }

  /**
   * Rebuilds memory from the snapshot and the journals that continue it (a torn last record is dropped), then
   * opens a new journal. Nothing is rewritten here: a large state starts as fast as it can be read, and the
   * snapshot's documents stay as their bytes until first read (catalog.loadRecord, raw-documents.ts).
   */
  load(prefetched?: Buffer): void {
    const snapshotGeneration = loadSnapshot(this.dir, (data, start, size) => this.catalog.loadRecord(data, start, size), prefetched) ?? 0;
    const journals = journalGenerations(this.dir);
    let replayed = 0;
    for (const generation of journals) {
      const path = join(this.dir, journalName(generation));
      // Journals before the snapshot's generation are already in it (a crash came before their removal).
      if (generation < snapshotGeneration) {
        rmSync(path, { force: true });
        continue;
      }
      const { count, torn, validBytes } = forEachRecord(readFileSync(path), (record) => this.catalog.apply(record as Change));
      replayed += count;
      this.olderBytes += validBytes;
      this.olderJournals += 1;
      if (torn) {
        // Only an unacknowledged write can be torn: acknowledged ones were fsynced whole before their reply.
        this.logger.warn({ journal: path, validBytes, records: count }, 'embedded store journal ends in an incomplete record; ignoring it');
      }
    }
    if (replayed) this.logger.info({ dataDir: this.dir, replayed }, 'embedded store recovered from its journal');
    // A journal of its own: a torn tail left in the last one is never written after.
    this.generation = Math.max(snapshotGeneration, (journals.at(-1) ?? -1) + 1);
    this.openJournal();
  }

  /**
   * Builds the indexes the snapshot load left for later, a few milliseconds at a time so commands are answered
   * between slices; a command that needs one of them first finishes it (Index.defer).
   */
  buildDeferredIndexes(): void {
    const slice = (): void => {
      if (this.closing) return;
      if (!this.catalog.buildDeferredIndexes(performance.now() + INDEX_SLICE_MS)) setImmediate(slice);
    };
    setImmediate(slice);
  }

  private openJournal(): Journal {
    const previous = this.journal;
    const path = join(this.dir, journalName(this.generation));
    // The folder's fsync (the new name made durable) runs off the thread; the journal waits for it before its first fsync.
    this.journal = Journal.create(path, syncDirectoryAsync(this.dir));
    this.journal.onIdle = () => this.compactIfDue();
    previous?.close().catch((error: unknown) => this.logger.warn({ err: error }, 'embedded store could not close an old journal'));
    return this.journal;
  }

  /** Starts a background compaction when the journals have grown and the current one has nothing in flight. */
  compactIfDue(): void {
    if (this.compaction || this.closing || !this.journal?.idle) return;
    if (this.olderBytes + this.journal.bytes < this.compactBytes && this.olderJournals < MAX_JOURNALS) return;
    this.compaction = this.compact()
      .catch((error: unknown) => this.logger.error({ err: error }, 'embedded store compaction failed; the journals keep growing'))
      .finally(() => {
        this.compaction = undefined;
      });
  }

  /**
   * Switches to a new journal and captures the state of that moment synchronously (no command can slip a change
   * in between), then writes it as the next snapshot in slices while commands go on into the new journal.
   */
  private async compact(): Promise<void> {
    this.generation += 1;
    const generation = this.generation;
    this.openJournal();
    this.olderBytes = 0;
    this.olderJournals = 0;
    const state = this.catalog.capture();
    const started = performance.now();
    const written = await writeSnapshotInSlices(this.dir, generation, state, () => this.closing);
    if (!written) return;
    this.removeJournalsBefore(generation);
    this.logger.info({ dataDir: this.dir, generation, ms: Math.round(performance.now() - started) }, 'embedded store compacted its journals into a new snapshot');
  }

  private removeJournalsBefore(generation: number): void {
    for (const older of journalGenerations(this.dir)) {
      if (older < generation) rmSync(join(this.dir, journalName(older)), { force: true });
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    try {
      // A compaction stops at its next slice and leaves the previous snapshot and its journals in place.
      await this.compaction;
      await this.journal?.close();
    } finally {
      this.lock.release();
    }
  }
}

/** The journal generations in the folder, oldest first. */
function journalGenerations(dir: string): number[] {
  return readdirSync(dir)
    .map((name) => JOURNAL_PATTERN.exec(name)?.[1])
    .filter((generation): generation is string => generation !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Opens (creating if needed) a data folder: lock, recover, then accept writes; compaction, if due, follows in the background. */
export async function openDurableStore(dir: string, logger: StoreLogger, compactBytes = DEFAULT_COMPACT_BYTES): Promise<OpenStore> {
  mkdirSync(dir, { recursive: true });
  let lock: DataDirLock;
  try {
    lock = lockDataDir(dir);
  } catch (error) {
    await takePrefetchedSnapshot(dir);
    throw error;
  }
  try {
    // The snapshot as read while the store's modules loaded (store-thread.ts), if it is still the file there.
    const prefetched = await takePrefetchedSnapshot(dir);
    const store = new DurableStore(dir, lock, logger, compactBytes);
    store.load(prefetched);
    store.buildDeferredIndexes();
    setImmediate(() => store.compactIfDue());
    return { catalog: store.catalog, persistence: store };
  } catch (error) {
    lock.release();
    throw error;
  }
}
