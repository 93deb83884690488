// One index of a collection: its spec as listIndexes shows it, and a hash map from key to documents that enforces uniqueness.
import { CommandError } from './errors';
import { compileFilter } from './query-engine';
import { isPlainObject, valuesAtPath, type Document } from './documents';
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

export class Index {
  readonly spec: IndexSpec;
  readonly fields: string[];
  private readonly entries = new Map<string, Set<string>>();
  private readonly covers: (doc: Document) => boolean;

  constructor(spec: IndexSpec, private readonly namespace: string) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    const partial = spec.partialFilterExpression ? compileFilter(spec.partialFilterExpression) : undefined;
    this.covers = (doc) => {
      if (spec.sparse && this.fields.every((f) => valuesAtPath(doc, f).length === 0)) return false;
      return partial ? partial(doc) : true;
    };
  }

  get unique(): boolean {
    return this.spec.unique === true || this.spec.name === '_id_';
  }

  /** The document's keys; arrays expand to one key per element, as a multikey index does. */
  private keysOf(doc: Document): KeyEntry[] {
    if (!this.covers(doc)) return [];
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
    for (const entry of this.keysOf(doc)) {
      const holders = this.entries.get(entry.key);
      if (holders && [...holders].some((holder) => holder !== ownId)) throw this.duplicate(entry);
    }
  }

  add(doc: Document, id: string): void {
    for (const entry of this.keysOf(doc)) {
      let holders = this.entries.get(entry.key);
      if (!holders) this.entries.set(entry.key, (holders = new Set()));
      holders.add(id);
    }
  }

  remove(doc: Document, id: string): void {
    for (const entry of this.keysOf(doc)) {
      const holders = this.entries.get(entry.key);
      holders?.delete(id);
      if (holders && holders.size === 0) this.entries.delete(entry.key);
    }
  }

  /**
   * Ids of the documents a filter can match when it pins every field of this index to a scalar
   * (the hot-path equality lookups); undefined when the index cannot answer it.
   */
  lookup(filter: Document): string[] | undefined {
    if (this.spec.sparse || this.spec.partialFilterExpression) return undefined;
    const parts: string[] = [];
    for (const field of this.fields) {
      if (typeof this.spec.key[field] !== 'number') return undefined;
      const value: unknown = filter[field];
      if (!isIndexableScalar(value)) return undefined;
      parts.push(valueKey(value));
    }
    return [...(this.entries.get(parts.join('|')) ?? [])];
  }

  private duplicate(entry: KeyEntry): CommandError {
    const keyValue: Document = {};
    this.fields.forEach((field, i) => (keyValue[field] = entry.values[i] ?? null));
    const message = `E11000 duplicate key error collection: ${this.namespace} index: ${this.spec.name} dup key: ${formatKeyObject(keyValue)}`;
    return new CommandError('DuplicateKey', message, { keyPattern: { ...this.spec.key }, keyValue });
  }
}

// Arrays, embedded documents, regexes and null match more than their own key, so they take the scan path.
function isIndexableScalar(value: unknown): boolean {
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
