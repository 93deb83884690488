// An index's keys in MongoDB's sort order, for range conditions and sorts on an indexed field: built the first
// time such a query comes, then kept up to date by binary-search inserts and removals.
import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp } from 'bson';
import { compareBinary } from './engine-context';
import { isPlainObject } from './documents';
import { valueKey } from './value-keys';

/** MongoDB's order between types (src/mongo/bson/bsontypes.h, canonicalizeBSONType): null < numbers < strings < … */
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof Int32 || value instanceof Double || value instanceof Long || value instanceof Decimal128) return 2;
  if (typeof value === 'string') return 3;
  if (isPlainObject(value)) return 4;
  if (Array.isArray(value)) return 5;
  if (value instanceof Binary) return 6;
  if (value instanceof ObjectId) return 7;
  if (typeof value === 'boolean') return 8;
  if (value instanceof Date) return 9;
  if (value instanceof Timestamp) return 10;
  if (value instanceof RegExp) return 11;
  return 12;
}

function asNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Long || value instanceof Decimal128) return Number(value.toString());
  return Number((value as Int32 | Double).valueOf());
}

/** Compares two values as a MongoDB index orders them (strings by code unit, without a collation). */
export function compareValues(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return rank;
  switch (typeRank(a)) {
    case 1:
      return 0;
    case 2: {
      const x = asNumber(a);
      const y = asNumber(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 3:
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 6:
      return compareBinary(a as Binary, b as Binary);
    case 7: {
      const x = (a as ObjectId).toHexString();
      const y = (b as ObjectId).toHexString();
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 8:
      return Number(a) - Number(b);
    case 9:
      return (a as Date).getTime() - (b as Date).getTime();
    case 10:
      return (a as Timestamp).compare(b as Timestamp);
    default: {
      const x = valueKey(a);
      const y = valueKey(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

interface Entry {
  value: unknown;
  id: string;
}

/** Bounds of a range condition: { $gt: 3, $lte: 9 } and the like. */
export interface Bounds {
  lower?: { value: unknown; inclusive: boolean };
  upper?: { value: unknown; inclusive: boolean };
}

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);

/**
 * The bounds a condition puts on a field when it consists only of $gt/$gte/$lt/$lte on scalar values; MongoDB
 * compares only within a type, so the range is also closed to the bound's own type.
 */
export function rangeBounds(condition: unknown): Bounds | undefined {
  if (!isPlainObject(condition)) return undefined;
  const operators = Object.keys(condition);
  if (operators.length === 0 || !operators.every((operator) => RANGE_OPERATORS.has(operator))) return undefined;
  const bounds: Bounds = {};
  for (const operator of operators) {
    const value: unknown = condition[operator];
    if (value === null || value === undefined || Array.isArray(value) || isPlainObject(value) || value instanceof RegExp) return undefined;
    const inclusive = operator.endsWith('e');
    if (operator.startsWith('$g')) {
      if (!bounds.lower || compareValues(value, bounds.lower.value) > 0) bounds.lower = { value, inclusive };
    } else if (!bounds.upper || compareValues(value, bounds.upper.value) < 0) bounds.upper = { value, inclusive };
  }
  return bounds;
}

export class OrderedKeys {
  private readonly entries: Entry[];

  constructor(entries: Entry[]) {
    this.entries = entries.sort(compareEntries);
  }

  add(value: unknown, id: string): void {
    const entry = { value, id };
    this.entries.splice(this.position(entry), 0, entry);
  }

  remove(value: unknown, id: string): void {
    const at = this.position({ value, id });
    const found = this.entries[at];
    if (found && found.id === id && compareValues(found.value, value) === 0) this.entries.splice(at, 1);
  }

  /** Ids in key order (descending when `direction` < 0), limited to `bounds` and to the bounds' type. */
  *ids(direction: number, bounds: Bounds = {}): Generator<string> {
    const { lower, upper } = bounds;
    const bound = lower ?? upper;
    let start = 0;
    let end = this.entries.length;
    if (bound) {
      const rank = typeRank(bound.value);
      start = this.first((entry) => typeRank(entry.value) >= rank);
      end = this.first((entry) => typeRank(entry.value) > rank);
    }
    if (lower) {
      const order = (entry: Entry): number => compareValues(entry.value, lower.value);
      start = Math.max(start, this.first(lower.inclusive ? (entry) => order(entry) >= 0 : (entry) => order(entry) > 0));
    }
    if (upper) {
      const order = (entry: Entry): number => compareValues(entry.value, upper.value);
      end = Math.min(end, this.first(upper.inclusive ? (entry) => order(entry) > 0 : (entry) => order(entry) >= 0));
    }
    if (direction >= 0) for (let at = start; at < end; at += 1) yield (this.entries[at] as Entry).id;
    else for (let at = end - 1; at >= start; at -= 1) yield (this.entries[at] as Entry).id;
  }

  /** The first position where `reached` holds; it must hold from some position on (binary search). */
  private first(reached: (entry: Entry) => boolean): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (reached(this.entries[middle] as Entry)) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  private position(entry: Entry): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareEntries(this.entries[middle] as Entry, entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function compareEntries(a: Entry, b: Entry): number {
  return compareValues(a.value, b.value) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
