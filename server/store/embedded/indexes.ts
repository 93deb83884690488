// One index of a collection: its spec as listIndexes shows it, and a hash map from key to documents that enforces uniqueness.
import { CommandError } from './errors';
import { compileFilter } from './query-engine';
import { isPlainObject, valuesAtPath, type Document } from './documents';
import { OrderedKeys } from './ordered-keys';
import { formatKeyObject, valueKey } from './value-keys';

/** An index as createIndexes receives it and listIndexes returns it. */
export interface IndexSpec {
  v: number;
  key: Document;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

interface KeyEntry {
  key: string;
  values: unknown[];
}

/**
 * The ids under one key: a lone id as itself (most keys, and every key of a unique index), several as a set; a
 * snapshot load appends to a list instead (each id comes once, and a push costs a twentieth of a set's add),
 * which becomes a set on its first later change.
 */
type Holders = string | Set<string> | string[];

/** A document for a deferred build (DeferredBuild): its indexed fields read off its bytes with their keys, or the whole document. */
export interface DeferredEntry {
  id: string;
  doc: Document;
  /** The valueKeys of `doc`'s fields as read with them; absent when `doc` is the whole document (indexed as any other). */
  keyStrings?: Record<string, string>;
}

/** How many documents a deferred build adds between two looks at the clock. */
const BUILD_STRIDE = 256;

/**
 * The build a snapshot load leaves for after the start: a collection's secondary indexes, filled in one pass over
 * its documents as `entries` gives them when the build begins (Collection.deferredEntries), in slices (runUntil)
 * or at once when a command needs one of the indexes (Index.settle).
 */
export class DeferredBuild {
  private iterator: Iterator<DeferredEntry> | undefined;
  private done = false;

  constructor(
    private readonly indexes: readonly Index[],
    private readonly entries: () => Iterator<DeferredEntry>,
  ) {}

  get started(): boolean {
    return this.iterator !== undefined;
  }

  /** Builds on until `deadline` (performance.now()); true once finished. */
  runUntil(deadline: number): boolean {
    if (this.done) return true;
    const iterator = (this.iterator ??= this.entries());
    for (let n = 1; ; n += 1) {
      const next = iterator.next();
      if (next.done) {
        this.done = true;
        for (const index of this.indexes) index.builtBy(this);
        return true;
      }
      for (const index of this.indexes) index.addBuilt(next.value);
      if (n % BUILD_STRIDE === 0 && performance.now() >= deadline) return false;
    }
  }
}

export class Index {
  readonly spec: IndexSpec;
  readonly fields: string[];
  private readonly entries = new Map<string, Holders>();
  private readonly covers: ((doc: Document) => boolean) | undefined;
  /** One top-level field: its key is the value's own key, read without path walking or tuples. */
  private readonly single: string | undefined;
  /** The keys in sort order, once a range or sort has asked for them (single-field indexes without arrays only). */
  private ordered: OrderedKeys | undefined;
  /** True once a document held an array at the field: sorts by such a field are not the index's order. */
  private multikey = false;
  /**
   * A build left for after the start (snapshot load, defer): the documents come from the collection as they are
   * when it begins, so changes before that leave the index alone (the build reads their result). Once it has
   * begun (in slices after the start), any use of the index finishes it first: no read or write ever sees it half
   * built, and a unique index refuses a duplicate from the first write on.
   */
  private build: DeferredBuild | undefined;

  /**
   * `idLookup`: for the _id index only, the collection's own map from _id key to document, which already is that
   * index; keeping a second copy of half a million keys would only cost memory and time.
   */
  constructor(spec: IndexSpec, private readonly namespace: string, private readonly idLookup?: (key: string) => boolean) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    const partial = spec.partialFilterExpression ? compileFilter(spec.partialFilterExpression) : undefined;
    if (spec.sparse || partial) {
      this.covers = (doc) => {
        if (spec.sparse && this.fields.every((f) => valuesAtPath(doc, f).length === 0)) return false;
        return partial ? partial(doc) : true;
      };
    }
    const [only] = this.fields;
    this.single = this.fields.length === 1 && only !== undefined && !only.includes('.') ? only : undefined;
  }

  /** True once the keys in sort order are kept (a range or sort asked for them). */
  get keepsOrder(): boolean {
    return this.ordered !== undefined;
  }

  get unique(): boolean {
    return this.spec.unique === true || this.spec.name === '_id_';
  }

  /** The document's keys; arrays expand to one key per element, as a multikey index does. */
  private keysOf(doc: Document): KeyEntry[] {
    if (this.covers && !this.covers(doc)) return [];
    if (this.single !== undefined) {
      const value: unknown = doc[this.single];
      if (!Array.isArray(value)) return [{ key: valueKey(value ?? null), values: [value ?? null] }];
    }
    let tuples: unknown[][] = [[]];
    for (const field of this.fields) {
      const found = valuesAtPath(doc, field);
      const values = found.length ? found : [null];
      tuples = tuples.flatMap((tuple) => values.map((value) => [...tuple, value]));
    }
    return tuples.map((values) => ({ key: values.map(valueKey).join('|'), values }));
  }

  /**
   * Throws MongoDB's E11000 error if `doc` would duplicate another document's key. `ownId` is the id of the
   * document being replaced (its own keys are no clash); for an insert there is none, so even the same _id clashes.
   */
  check(doc: Document, ownId?: string): void {
    if (!this.unique) return;
    this.settle();
    if (this.idLookup) {
      const key = valueKey(doc._id);
      if (key !== ownId && this.idLookup(key)) throw this.duplicate({ key, values: [doc._id] });
      return;
    }
    for (const entry of this.keysOf(doc)) {
      const holders = this.entries.get(entry.key);
      if (holders === undefined) continue;
      if (typeof holders === 'string' ? holders !== ownId : [...holders].some((holder) => holder !== ownId)) throw this.duplicate(entry);
    }
  }

  add(doc: Document, id: string): void {
    if (this.current()) this.addNow(doc, id);
  }

  private addNow(doc: Document, id: string): void {
    if (!this.multikey) this.addOrdered(doc, id);
    if (this.idLookup) return;
    for (const { key } of this.keysOf(doc)) {
      const holders = this.entries.get(key);
      if (holders === undefined) this.entries.set(key, id);
      else if (typeof holders === 'string') {
        if (holders !== id) this.entries.set(key, new Set([holders, id]));
      } else this.holderSet(key, holders).add(id);
    }
  }

  remove(doc: Document, id: string): void {
    if (!this.current()) return;
    if (this.ordered) for (const { values } of this.keysOf(doc)) this.ordered.remove(values[0], id);
    if (this.idLookup) return;
    for (const { key } of this.keysOf(doc)) {
      const holders = this.entries.get(key);
      if (holders === undefined) continue;
      if (typeof holders === 'string') {
        if (holders === id) this.entries.delete(key);
        continue;
      }
      const set = this.holderSet(key, holders);
      set.delete(id);
      if (set.size === 1) this.entries.set(key, set.values().next().value as string);
      else if (set.size === 0) this.entries.delete(key);
    }
  }

  /**
   * Deferred build: adds a document that is not in the index yet, by its keys alone (`keys` holds its indexed
   * fields, `keyStrings` their valueKeys where already made); its ids go to a list per key, not a set.
   */
  private addLoaded(keys: Document, id: string, keyStrings?: Record<string, string>): void {
    if (!this.multikey) this.addOrdered(keys, id);
    if (this.idLookup) return;
    // One top-level field of a simple value (what a snapshot load reads): its key as read with it, or made here.
    if (this.single !== undefined && !this.covers) return this.addLoadedKey(keyStrings?.[this.single] ?? valueKey(keys[this.single] ?? null), id);
    for (const { key } of this.keysOf(keys)) this.addLoadedKey(key, id);
  }

  private addLoadedKey(key: string, id: string): void {
    const holders = this.entries.get(key);
    if (holders === undefined) this.entries.set(key, id);
    else if (typeof holders === 'string') this.entries.set(key, [holders, id]);
    else if (Array.isArray(holders)) holders.push(id);
    else holders.add(id);
  }

  /** The ids under a key as a set, turning a list left by a snapshot load into one. */
  private holderSet(key: string, holders: Set<string> | string[]): Set<string> {
    if (!Array.isArray(holders)) return holders;
    const set = new Set(holders);
    this.entries.set(key, set);
    return set;
  }

  /** Swaps a document's keys for its new version's; nothing to do when the indexed fields did not change (most updates). */
  replace(current: Document, next: Document, id: string): void {
    if (!this.current()) return;
    const before = this.keysOf(current);
    const after = this.keysOf(next);
    if (before.length === after.length && before.every((entry, i) => entry.key === after[i]?.key)) return;
    this.remove(current, id);
    this.add(next, id);
  }

  private addOrdered(doc: Document, id: string): void {
    const [field] = this.fields;
    if (field === undefined || this.fields.length !== 1) return;
    const value: unknown = this.single !== undefined ? doc[this.single] : undefined;
    if (Array.isArray(value) || (this.single === undefined && valuesAtPath(doc, field).length > 1)) {
      this.multikey = true;
      this.ordered = undefined;
      return;
    }
    if (!this.ordered) return;
    for (const { values } of this.keysOf(doc)) this.ordered.add(values[0], id);
  }

  /**
   * The index's keys in sort order, built on first use from `documents` (the collection's, by id); undefined
   * when this index cannot give an order: several fields, sparse or partial, or a field that held an array.
   */
  orderedKeys(documents: () => Iterable<[string, Document]>): OrderedKeys | undefined {
    this.settle();
    if (this.fields.length !== 1 || this.spec.sparse || this.spec.partialFilterExpression || this.multikey) return undefined;
    if (typeof this.spec.key[this.fields[0] as string] !== 'number') return undefined;
    if (!this.ordered) {
      const entries: { value: unknown; id: string }[] = [];
      for (const [id, doc] of documents()) {
        const keys = this.keysOf(doc);
        if (keys.length !== 1 || Array.isArray(doc[this.fields[0] as string])) {
          this.multikey = true;
          return undefined;
        }
        entries.push({ value: keys[0]?.values[0] ?? null, id });
      }
      this.ordered = new OrderedKeys(entries);
    }
    return this.ordered;
  }

  /**
   * Ids of the documents a filter can match when it pins every field of this index to scalars, by plain
   * equality, `$eq` or (one field) an `$in` list; undefined when the index cannot answer it.
   */
  lookup(filter: Document): string[] | undefined {
    if (this.idLookup || this.spec.sparse || this.spec.partialFilterExpression) return undefined;
    this.settle();
    let keys: string[] = [''];
    for (const [at, field] of this.fields.entries()) {
      if (typeof this.spec.key[field] !== 'number') return undefined;
      const values = pinnedValues(filter[field]);
      if (!values) return undefined;
      const parts = values.map(valueKey);
      keys = at === 0 ? parts : keys.flatMap((prefix) => parts.map((part) => `${prefix}|${part}`));
    }
    const ids: string[] = [];
    for (const key of new Set(keys)) {
      const holders = this.entries.get(key);
      if (holders === undefined) continue;
      if (typeof holders === 'string') ids.push(holders);
      // One by one: spreading a key held by a hundred thousand documents overflows the call's arguments.
      else for (const holder of holders) ids.push(holder);
    }
    return keys.length > 1 ? [...new Set(ids)] : ids;
  }

  /**
   * Snapshot load: empties the index and leaves it to `build` (in slices after the start, or at once for whatever
   * use comes first). The _id index is the collection's map and is never deferred.
   */
  defer(build: DeferredBuild): void {
    if (this.idLookup) return;
    this.entries.clear();
    this.ordered = undefined;
    this.multikey = false;
    this.build = build;
  }

  /** A document from this index's deferred build. */
  addBuilt({ id, doc, keyStrings }: DeferredEntry): void {
    if (keyStrings) this.addLoaded(doc, id, keyStrings);
    else this.addNow(doc, id);
  }

  /** The deferred build has added every document. */
  builtBy(build: DeferredBuild): void {
    if (this.build === build) this.build = undefined;
  }

  /** Finishes a deferred build, before anything reads the index. */
  private settle(): void {
    this.build?.runUntil(Infinity);
  }

  /**
   * Whether a change must be applied to the index now: not while a deferred build waits to begin (it will read the
   * changed documents); one already under way is finished first.
   */
  private current(): boolean {
    if (this.build && !this.build.started) return false;
    this.settle();
    return true;
  }

  private duplicate(entry: KeyEntry): CommandError {
    const keyValue: Document = {};
    this.fields.forEach((field, i) => (keyValue[field] = entry.values[i] ?? null));
    const message = `E11000 duplicate key error collection: ${this.namespace} index: ${this.spec.name} dup key: ${formatKeyObject(keyValue)}`;
    return new CommandError('DuplicateKey', message, { keyPattern: { ...this.spec.key }, keyValue });
  }
}

/**
 * The values a condition pins a field to, when it can only match documents holding one of them as (an element
 * of) the field: `v`, `{ $eq: v }` and `{ $in: [v, …] }` of indexable scalars.
 */
export function pinnedValues(condition: unknown): unknown[] | undefined {
  if (isIndexableScalar(condition)) return [condition];
  if (!isPlainObject(condition)) return undefined;
  const operators = Object.keys(condition);
  if (operators.length !== 1) return undefined;
  if (operators[0] === '$eq') return isIndexableScalar(condition.$eq) ? [condition.$eq] : undefined;
  if (operators[0] === '$in') {
    const list: unknown = condition.$in;
    return Array.isArray(list) && list.length <= 1000 && list.every(isIndexableScalar) ? list : undefined;
  }
  return undefined;
}

// Arrays, embedded documents, regexes and null match more than their own key, so they take the scan path.
export function isIndexableScalar(value: unknown): boolean {
  if (value === null || value === undefined || Array.isArray(value) || value instanceof RegExp) return false;
  if (isPlainObject(value)) return false;
  return true;
}

/** Checks a createIndexes entry and fills MongoDB's defaults. */
export function normaliseIndexSpec(raw: Document): IndexSpec {
  if (!isPlainObject(raw.key) || Object.keys(raw.key).length === 0) {
    throw new CommandError('BadValue', 'Index key pattern must be a non-empty object');
  }
  if (typeof raw.name !== 'string' || raw.name.length === 0) {
    throw new CommandError('BadValue', 'Index spec must have a name');
  }
  for (const [field, direction] of Object.entries(raw.key)) {
    const ok = typeof direction === 'number' ? direction !== 0 : ['text', 'hashed', '2d', '2dsphere'].includes(String(direction));
    if (!ok) throw new CommandError('BadValue', `Values in the index key pattern must be 1, -1 or a known type; got ${field}: ${String(direction)}`);
  }
  const spec: IndexSpec = { ...raw, v: 2, key: raw.key, name: raw.name };
  if (spec.expireAfterSeconds !== undefined && typeof spec.expireAfterSeconds !== 'number') {
    throw new CommandError('BadValue', 'expireAfterSeconds must be a number');
  }
  return spec;
}

/** Equal for the purposes of "index already exists": same key and the options that change behaviour. */
export function sameIndexOptions(a: IndexSpec, b: IndexSpec): boolean {
  const pick = (s: IndexSpec) => valueKey([s.key, s.unique === true, s.sparse === true, s.partialFilterExpression ?? null, s.expireAfterSeconds ?? null]);
  return pick(a) === pick(b);
}
