// All databases and collections in memory; every change goes through here so the journal sees it in order.
import { Binary, deserialize, UUID } from 'bson';
import type { Change, ChangeSink } from './changes';
import { Collection } from './collection';
import { CommandError } from './errors';
import type { Document } from './documents';
import { readIdKey, readRawPut } from './raw-documents';
import { encodeRawPut } from './record-file';

export class Catalog {
  private readonly databases = new Map<string, Map<string, Collection>>();
  /** Counts recorded changes, so the router knows whether a command wrote and must wait for the journal. */
  changeCount = 0;
  private readonly sink: ChangeSink;

  constructor(private readonly downstream: ChangeSink) {
    this.sink = {
      record: (change) => {
        this.changeCount += 1;
        this.downstream.record(change);
      },
    };
  }

  collection(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** The collection, created implicitly as MongoDB does on a first insert, upsert or index. */
  ensureCollection(db: string, name: string): Collection {
    return this.collection(db, name) ?? this.create(db, name, {}, new UUID(), true);
  }

  createCollection(db: string, name: string, options: Document): Collection {
    if (this.collection(db, name)) throw new CommandError('NamespaceExists', `Collection ${db}.${name} already exists.`);
    return this.create(db, name, options, new UUID(), true);
  }

  private create(db: string, name: string, options: Document, uuid: UUID, journal: boolean): Collection {
    validateNames(db, name);
    let collections = this.databases.get(db);
    if (!collections) this.databases.set(db, (collections = new Map()));
    const collection = new Collection(db, name, options, uuid, this.sink);
    collections.set(name, collection);
    if (journal) this.sink.record({ o: 'create', db, c: name, options, uuid });
    return collection;
  }

  dropCollection(db: string, name: string): boolean {
    const collections = this.databases.get(db);
    if (!collections?.delete(name)) return false;
    if (collections.size === 0) this.databases.delete(db);
    this.sink.record({ o: 'drop', db, c: name });
    return true;
  }

  dropDatabase(db: string): void {
    if (this.databases.delete(db)) this.sink.record({ o: 'dropDatabase', db });
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }

  collections(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  allCollections(): Collection[] {
    return [...this.databases.values()].flatMap((collections) => [...collections.values()]);
  }

  /** Replays one journal or snapshot record; tolerant of records already reflected in the state. */
  apply(change: Change): void {
    switch (change.o) {
      case 'create':
        if (!this.collection(change.db, change.c)) {
          const uuid = asUuid(change.uuid);
          this.create(change.db, change.c, change.options, uuid, false);
        }
        return;
      case 'drop':
        this.databases.get(change.db)?.delete(change.c);
        if (this.databases.get(change.db)?.size === 0) this.databases.delete(change.db);
        return;
      case 'dropDatabase':
        this.databases.delete(change.db);
        return;
      case 'index': {
        const collection = this.replayTarget(change.db, change.c);
        if (!collection.indexSpecs().some((s) => s.name === change.spec.name)) collection.createIndex(change.spec, false);
        return;
      }
      case 'dropIndex':
        this.collection(change.db, change.c)?.dropIndex(change.name, false);
        return;
      case 'put':
        this.replayTarget(change.db, change.c).restore(change.doc);
        return;
      case 'delete':
        this.collection(change.db, change.c)?.restoreDelete(change.id);
        return;
    }
  }

  /**
   * Loads one snapshot record given as its bytes (`size` at `start` in `data`). A document is kept as its bytes
   * until first read, only its _id's key read off them (its collection's other indexes are built after the start,
   * buildDeferredIndexes); any other record, or a document whose _id is not a simple value, is decoded and
   * replayed as before.
   */
  loadRecord(data: Buffer, start: number, size: number): void {
    const put = readRawPut(data, start, size);
    if (put) {
      const id = readIdKey(data, put.docStart);
      if (id !== undefined && this.replayTarget(put.db, put.c).restoreRaw(id, data, put.docStart)) return;
    }
    this.apply(deserialize(data.subarray(start, start + size)) as Change);
  }

  /**
   * Builds on the indexes a snapshot load left for later (Index.defer) until `deadline` (performance.now()); true
   * once none is left. The store runs it in slices after it is ready; a command that uses such an index first
   * finishes that index's build.
   */
  buildDeferredIndexes(deadline: number): boolean {
    for (const collections of this.databases.values()) {
      for (const collection of collections.values()) if (!collection.buildDeferredIndexes(deadline)) return false;
    }
    return true;
  }

  private replayTarget(db: string, name: string): Collection {
    return this.collection(db, name) ?? this.create(db, name, {}, new UUID(), false);
  }

  /**
   * The state as records that rebuild it, for a snapshot written while commands go on. The collections are those
   * of this moment; their documents are read as the snapshot goes (a Map iterates safely while it changes), so a
   * document changed meanwhile may appear in its newer version. That is sound because every change after this
   * moment is in the new journal, and its records are whole documents and ids: replayed over the snapshot, the
   * last record for a document decides it, and a document no record touches was never changed after this moment.
   * Taking a copy of every list instead held the thread for the whole list (half a million entries: tens of ms).
   */
  capture(): Iterable<Change | Uint8Array> {
    const parts = this.allCollections().map((collection) => ({
      db: collection.db,
      c: collection.name,
      options: collection.options,
      uuid: collection.uuid,
      specs: collection.indexSpecs().slice(1),
      docs: collection.liveDocuments(),
    }));
    return (function* records(): Generator<Change | Uint8Array> {
      for (const { db, c, options, uuid, specs, docs } of parts) {
        yield { o: 'create', db, c, options, uuid };
        for (const spec of specs) yield { o: 'index', db, c, spec };
        // A document still held as bytes goes out as the same bytes, never decoded.
        for (const doc of docs) yield doc instanceof Uint8Array ? encodeRawPut(db, c, doc) : { o: 'put', db, c, doc };
      }
    })();
  }
}

function validateNames(db: string, name: string): void {
  if (!db || /[/\\. "$\0]/.test(db)) throw new CommandError('InvalidNamespace', `Invalid database name: '${db}'`);
  if (!name || name.includes('$') || name.includes('\0') || name.startsWith('.')) {
    throw new CommandError('InvalidNamespace', `Invalid collection name: '${name}'`);
  }
}

function asUuid(value: unknown): UUID {
  if (value instanceof UUID) return value;
  if (value instanceof Binary && value.sub_type === Binary.SUBTYPE_UUID) return new UUID(value.buffer);
  return new UUID();
}
