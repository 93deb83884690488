// One collection in memory: documents in natural (insertion) order, keyed by _id, and its indexes.
import { deserialize, ObjectId, UUID } from 'bson';
import type { ChangeSink } from './changes';
import { CommandError } from './errors';
import { DeferredBuild, Index, pinnedValues, sameIndexOptions, type DeferredEntry, type IndexSpec } from './indexes';
import { rangeBounds } from './ordered-keys';
import { MAX_BSON_OBJECT_SIZE, oversize, type Document } from './documents';
import { keyFieldsOf, readKeys } from './raw-documents';
import { valueKey } from './value-keys';

const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

export class Collection {
  readonly namespace: string;
  /**
   * A number is a document not read since the start: the offset of its BSON in `raw` (the snapshot it was loaded
   * from), decoded on first read and then kept as the document (raw-documents.ts).
   */
  private readonly docs = new Map<string, Document | number>();
  private raw: Buffer | undefined;
  /** How many documents are kept as bytes in `raw`. */
  private rawCount = 0;
  /**
   * Each document's place in natural order (a replaced document keeps its place, as in the map above); one kept as
   * bytes has its offset in the snapshot as its place, without an entry here until it is decoded (placeOf).
   */
  private readonly places = new Map<string, number>();
  private nextPlace = 0;
  private readonly indexList: Index[];
  /** The secondary indexes a snapshot load left for after the start (restoreRaw), until built. */
  private deferredBuild: DeferredBuild | undefined;

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Document,
    readonly uuid: UUID,
    private readonly sink: ChangeSink,
  ) {
    this.namespace = `${db}.${name}`;
    this.indexList = [new Index(ID_INDEX, this.namespace, (key) => this.docs.has(key))];
  }

  get count(): number {
    return this.docs.size;
  }

  /** All documents in natural order; the array is a copy, the documents are the stored (never mutated) ones. */
  documents(): Document[] {
    const docs: Document[] = [];
    for (const [id, stored] of this.docs) docs.push(typeof stored === 'number' ? this.decode(id, stored) : stored);
    return docs;
  }

  /**
   * The stored documents as the map holds them when read: no copy (a snapshot reads them while commands go on);
   * a document not read since the start comes as its BSON bytes.
   */
  *liveDocuments(): Iterable<Document | Uint8Array> {
    for (const stored of this.docs.values()) yield typeof stored === 'number' ? this.rawBytes(stored) : stored;
  }

  private get(id: string): Document | undefined {
    const stored = this.docs.get(id);
    return typeof stored === 'number' ? this.decode(id, stored) : stored;
  }

  /** A document kept as bytes has no entry in `places`: its offset is its place (restoreRaw). */
  private placeOf(id: string): number {
    const place = this.places.get(id);
    if (place !== undefined) return place;
    const stored = this.docs.get(id);
    return typeof stored === 'number' ? stored : 0;
  }

  private rawBytes(offset: number): Uint8Array {
    const raw = this.raw as Buffer;
    return raw.subarray(offset, offset + raw.readInt32LE(offset));
  }

  /** Decodes a document kept as bytes and keeps the document in its place (a Map keeps an existing key's order). */
  private decode(id: string, offset: number): Document {
    const doc = deserialize(this.rawBytes(offset));
    this.places.set(id, offset);
    this.docs.set(id, doc);
    // The file's bytes are let go once no document is kept in them.
    if ((this.rawCount -= 1) === 0) this.raw = undefined;
    return doc;
  }

  /**
   * Each document with at least the fields `index` reads: a document kept as bytes gives only those (read off its
   * bytes, not decoded) when they are simple values, else it is decoded.
   */
  private *indexEntries(index: Index): Generator<[string, Document]> {
    const fields = keyFieldsOf([index.spec]);
    for (const [id, stored] of this.docs) {
      if (typeof stored !== 'number') yield [id, stored];
      else yield [id, (fields && readKeys(this.raw as Buffer, stored, fields)?.doc) || this.decode(id, stored)];
    }
  }

  /**
   * The documents a deferred index build reads (DeferredBuild), as they are when it runs: the fields `indexes` read,
   * taken off the bytes of a document kept as bytes in one walk when they are simple values, else the document decoded.
   */
  private *deferredEntries(indexes: Index[]): Generator<DeferredEntry> {
    const fields = keyFieldsOf(indexes.map((index) => index.spec));
    // Single-field indexes without a filter take a string's key alone (Index.addBuilt); others read the values.
    const strings = indexes.some(({ fields: indexed, spec }) => indexed.length > 1 || spec.sparse === true || spec.partialFilterExpression !== undefined);
    for (const [id, stored] of this.docs) {
      if (typeof stored !== 'number') {
        yield { id, doc: stored };
        continue;
      }
      const keys = fields && readKeys(this.raw as Buffer, stored, fields, false, strings);
      yield keys ? { id, doc: keys.doc, keyStrings: keys.keys } : { id, doc: this.decode(id, stored) };
    }
  }

  /** Builds on the indexes a snapshot load left for later until `deadline`; true once none is left. */
  buildDeferredIndexes(deadline: number): boolean {
    if (this.deferredBuild && !this.deferredBuild.runUntil(deadline)) return false;
    this.deferredBuild = undefined;
    return true;
  }

  indexSpecs(): IndexSpec[] {
    return this.indexList.map((index) => ({ ...index.spec }));
  }

  /**
   * The documents a filter could match: by _id or a pinned index key when possible, else all;
   * callers still test each candidate against the full filter.
   */
  candidates(filter: Document | undefined, collation?: Document): Document[] {
    if (!filter || collation) return this.documents();
    const pinned = this.pinnedIds(filter);
    if (pinned) return this.inNaturalOrder(pinned);
    // A range ($gt/$gte/$lt/$lte) on an indexed field: the ids between its bounds, read off the ordered keys.
    for (const index of this.indexList) {
      const [field] = index.fields;
      const bounds = field !== undefined && index.fields.length === 1 ? rangeBounds(filter[field]) : undefined;
      const ordered = bounds ? index.orderedKeys(() => this.indexEntries(index)) : undefined;
      if (bounds && ordered) return this.inNaturalOrder([...ordered.ids(1, bounds)]);
    }
    return this.documents();
  }

  /** Ids a filter pins by _id or by every field of a hash index (equality, $eq, $in); undefined when none does. */
  private pinnedIds(filter: Document): string[] | undefined {
    const ids = pinnedValues(filter._id);
    if (ids) return [...new Set(ids.map(valueKey))];
    for (const index of this.indexList.slice(1)) {
      const found = index.lookup(filter);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The documents in the order of a sort on one indexed field (or _id), walked off the index instead of sorting
   * the collection; limited to a range the filter puts on that field. Undefined when no index gives that order,
   * or when the filter pins a few documents anyway (sorting those is cheaper than walking an index).
   */
  inSortOrder(filter: Document, sort: Document, collation?: Document): Iterable<Document> | undefined {
    const fields = Object.keys(sort);
    const [field] = fields;
    const direction: unknown = field === undefined ? undefined : sort[field];
    if (collation || fields.length !== 1 || field === undefined || (direction !== 1 && direction !== -1)) return undefined;
    if (this.pinnedIds(filter)) return undefined;
    const index = this.indexList.find((candidate) => candidate.fields.length === 1 && candidate.fields[0] === field);
    const condition: unknown = filter[field];
    const bounds = condition === undefined ? {} : rangeBounds(condition);
    const ordered = bounds ? index?.orderedKeys(() => this.indexEntries(index)) : undefined;
    if (!ordered || !bounds) return undefined;
    const get = (id: string): Document | undefined => this.get(id);
    return (function* inOrder(): Generator<Document> {
      for (const id of ordered.ids(direction, bounds)) {
        const doc = get(id);
        if (doc) yield doc;
      }
    })();
  }

  private inNaturalOrder(ids: string[]): Document[] {
    if (ids.length > 1) ids.sort((a, b) => this.placeOf(a) - this.placeOf(b));
    const docs: Document[] = [];
    for (const id of ids) {
      const doc = this.get(id);
      if (doc) docs.push(doc);
    }
    return docs;
  }

  /** Inserts a document (adding an ObjectId _id first if it has none); throws E11000 on a unique clash. */
  insert(input: Document): Document {
    // mongod stores _id as the first field whatever order the client sent.
    const { _id = new ObjectId(), ...fields } = input;
    const doc: Document = { _id, ...fields };
    if (Array.isArray(doc._id)) throw new CommandError('BadValue', "can't use an array for _id");
    // Checked before anything is stored or journalled: an oversized record would not survive a restart whole.
    const size = oversize(doc);
    if (size !== undefined) {
      throw new CommandError('BSONObjectTooLarge', `object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_OBJECT_SIZE}`);
    }
    const id = valueKey(doc._id);
    for (const index of this.indexList) index.check(doc);
    this.store(id, doc);
    this.sink.record({ o: 'put', db: this.db, c: this.name, doc });
    return doc;
  }

  /**
   * Swaps a stored document for its updated version, keeping its place; throws E11000 and changes nothing on a clash.
   * `sized`: the caller measured `next` within the limit already (updatedDocument), so it is not walked again.
   */
  replace(current: Document, next: Document, sized = false): void {
    const id = valueKey(current._id);
    if (valueKey(next._id) !== id) {
      throw new CommandError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
    }
    if (!sized) assertUpdatedSize(next);
    // A document's own keys are no clash (ownId), so checking before anything changes leaves nothing to undo.
    for (const index of this.indexList) index.check(next, id);
    for (const index of this.indexList) index.replace(current, next, id);
    this.docs.set(id, next);
    this.sink.record({ o: 'put', db: this.db, c: this.name, doc: next });
  }

  remove(doc: Document): void {
    const id = valueKey(doc._id);
    const stored = this.get(id);
    if (!stored) return;
    for (const index of this.indexList) index.remove(stored, id);
    this.docs.delete(id);
    this.places.delete(id);
    this.sink.record({ o: 'delete', db: this.db, c: this.name, id: doc._id });
  }

  /** Replay: puts a document without uniqueness checks (it was checked when first written). */
  restore(doc: Document): void {
    const id = valueKey(doc._id);
    const stored = this.get(id);
    if (!stored) return this.store(id, doc);
    for (const index of this.indexList) index.replace(stored, doc, id);
    this.docs.set(id, doc);
  }

  restoreDelete(idValue: unknown): void {
    const id = valueKey(idValue);
    const stored = this.get(id);
    if (!stored) return;
    for (const index of this.indexList) index.remove(stored, id);
    this.docs.delete(id);
    this.places.delete(id);
  }

  /**
   * Snapshot load: keeps a new document as its BSON at `offset` in `raw` under its _id's key `id` (read off the
   * bytes). False, storing nothing, when it must be decoded instead: its id is stored already, the collection holds
   * documents of another file, or its _id index keeps an order that needs the _id's value. The secondary indexes
   * are built after the start (Index.defer, buildDeferredIndexes), not document by document here.
   */
  restoreRaw(id: string, raw: Buffer, offset: number): boolean {
    if (this.docs.has(id) || (this.raw !== undefined && this.raw !== raw) || this.indexList[0]?.keepsOrder) return false;
    // Its offset is its place in natural order, after every document before it (whose records came earlier).
    if (offset < this.nextPlace) return false;
    if (this.raw === undefined && this.indexList.length > 1) {
      const indexes = this.indexList.slice(1);
      const build = new DeferredBuild(indexes, () => this.deferredEntries(indexes));
      for (const index of indexes) index.defer(build);
      this.deferredBuild = build;
    }
    this.raw = raw;
    this.rawCount += 1;
    this.nextPlace = offset + 1;
    this.docs.set(id, offset);
    return true;
  }

  private store(id: string, doc: Document): void {
    if (!this.places.has(id)) this.places.set(id, this.nextPlace++);
    this.docs.set(id, doc);
    for (const index of this.indexList) index.add(doc, id);
  }

  /** Builds an index over the existing documents; false when an identical one exists. */
  createIndex(spec: IndexSpec, journal = true): boolean {
    const sameName = this.indexList.find((index) => index.spec.name === spec.name);
    if (sameName) {
      if (sameIndexOptions(sameName.spec, spec)) return false;
      const code = valueKey(sameName.spec.key) === valueKey(spec.key) ? 'IndexOptionsConflict' : 'IndexKeySpecsConflict';
      throw new CommandError(code, `An existing index has the same name as the requested index. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameName.spec)}`);
    }
    const sameKey = this.indexList.find((index) => valueKey(index.spec.key) === valueKey(spec.key));
    if (sameKey) {
      throw new CommandError('IndexOptionsConflict', `Index already exists with a different name: ${sameKey.spec.name}`);
    }
    const index = new Index(spec, this.namespace);
    for (const [id, doc] of this.indexEntries(index)) {
      if (journal) index.check(doc, id);
      index.add(doc, id);
    }
    this.indexList.push(index);
    if (journal) this.sink.record({ o: 'index', db: this.db, c: this.name, spec });
    return true;
  }

  dropIndex(name: string, journal = true): void {
    if (name === '_id_') throw new CommandError('InvalidOptions', 'cannot drop _id index');
    const at = this.indexList.findIndex((index) => index.spec.name === name);
    if (at < 0) {
      if (!journal) return;
      throw new CommandError('IndexNotFound', `index not found with name [${name}]`);
    }
    this.indexList.splice(at, 1);
    if (journal) this.sink.record({ o: 'dropIndex', db: this.db, c: this.name, name });
  }

  /** Indexes with expireAfterSeconds, for the TTL sweeper. */
  ttlIndexes(): IndexSpec[] {
    return this.indexList.map((index) => index.spec).filter((spec) => typeof spec.expireAfterSeconds === 'number');
  }
}

/** An update ($push, $set of a big value) may not grow a document past the limit; the stored one stays. */
export function assertUpdatedSize(next: Document): void {
  if (oversize(next) !== undefined) {
    throw new CommandError('BSONObjectTooLarge', `Resulting document after update is larger than ${MAX_BSON_OBJECT_SIZE}`);
  }
}
