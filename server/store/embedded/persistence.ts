// Durability for a data folder: load snapshot + journal on start, journal every change, compact when the journal grows.
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from './catalog';
import type { Change, ChangeSink } from './changes';
import { Journal } from './journal';
import { lockDataDir, type DataDirLock } from './lock-file';
import type { StoreLogger } from './logger';
import { decodeRecords } from './record-file';
import { readSnapshot, syncDirectory, writeSnapshot } from './snapshot';

/** What the server needs from a store's durability: a sink for changes and a barrier before acknowledging. */
export interface Persistence extends ChangeSink {
  /** Resolves when every change recorded so far is durable. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStore {
  catalog: Catalog;
  persistence: Persistence;
}

/** Tests run purely in memory: nothing to write, nothing to wait for. */
export function openMemoryStore(): OpenStore {
  const persistence: Persistence = { record: () => undefined, sync: () => Promise.resolve(), close: () => Promise.resolve() };
  return { catalog: new Catalog(persistence), persistence };
}

const JOURNAL_PATTERN = /^journal-(\d+)\.bson$/;
const journalName = (generation: number): string => `journal-${generation}.bson`;
/** Past this size the journal is folded into a new snapshot, bounding restart time and disk use. */
export const DEFAULT_COMPACT_BYTES = 64 * 1024 * 1024;

class DurableStore implements Persistence {
  journal: Journal | undefined;
  generation = 0;

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

  /** Rebuilds memory from the snapshot and the journal that continues it; a torn last record is dropped. */
  load(): void {
    const snapshot = readSnapshot(this.dir);
    this.generation = snapshot?.generation ?? 0;
    for (const change of snapshot?.changes ?? []) this.catalog.apply(change);
    const journalPath = join(this.dir, journalName(this.generation));
    if (!existsSync(journalPath)) return;
    const { records, torn, validBytes } = decodeRecords(readFileSync(journalPath));
    for (const record of records) this.catalog.apply(record as Change);
    if (torn) {
      // Only an unacknowledged write can be torn: acknowledged ones were fsynced whole before their reply.
      this.logger.warn({ journal: journalPath, validBytes, records: records.length }, 'embedded store journal ends in an incomplete record; ignoring it');
    }
    this.logger.info({ dataDir: this.dir, replayed: records.length }, 'embedded store recovered from its journal');
  }

  /** Writes the state as a new snapshot and starts an empty journal for it; runs only when the journal is idle. */
  // Synchronous from snapshot to journal switch: no command can slip a change in between and be lost.
  compact(): void {
    const next = this.generation + 1;
    writeSnapshot(this.dir, next, this.catalog.describe());
    const previous = this.journal;
    this.journal = Journal.create(join(this.dir, journalName(next)));
    this.journal.onIdle = () => this.compactIfLarge();
    this.generation = next;
    syncDirectory(this.dir);
    previous?.close().catch((error: unknown) => this.logger.warn({ err: error }, 'embedded store could not close an old journal'));
    this.removeStaleJournals();
  }

  private compactIfLarge(): void {
    if (!this.journal || this.journal.bytes < this.compactBytes || !this.journal.idle) return;
    try {
      this.compact();
      this.logger.info({ dataDir: this.dir, generation: this.generation }, 'embedded store compacted its journal');
    } catch (error) {
      this.logger.error({ err: error }, 'embedded store compaction failed; the journal keeps growing');
    }
  }

  private removeStaleJournals(): void {
    for (const name of readdirSync(this.dir)) {
      const match = JOURNAL_PATTERN.exec(name);
      if (match && Number(match[1]) !== this.generation) unlinkSync(join(this.dir, name));
    }
  }

  async close(): Promise<void> {
    try {
      await this.journal?.close();
    } finally {
      this.lock.release();
    }
  }
}

/** Opens (creating if needed) a data folder: lock, recover, compact, then accept writes. */
export async function openDurableStore(dir: string, logger: StoreLogger, compactBytes = DEFAULT_COMPACT_BYTES): Promise<OpenStore> {
  mkdirSync(dir, { recursive: true });
  const lock = lockDataDir(dir);
  try {
    const store = new DurableStore(dir, lock, logger, compactBytes);
    store.load();
    store.compact();
    return { catalog: store.catalog, persistence: store };
  } catch (error) {
    lock.release();
    throw error;
  }
}
