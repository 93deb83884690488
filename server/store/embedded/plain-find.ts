// The find nearly every request sends — equality on a few fields ({ playbookId, studentId }, { _id, version }),
// at most an exclusion of whole fields, no sort — answered here directly. Through mingo, each find compiles its
// filter and projection into a query and a cursor first: the largest share of the store's read path. Anything else
// (operators, positions, sorts, skips, inclusions, a collation or `let`, a value the store holds as a BSON class)
// returns undefined and goes to mingo as before.
import { isPlainObject, type Document } from './documents';

export interface PlainFindSpec {
  filter?: Document;
  projection?: Document;
  sort?: Document;
  skip?: number;
  limit?: number;
  collation?: Document;
  variables?: Document;
}

/** The matching documents (as stored, or copies without the excluded fields), or undefined when mingo must answer. */
export function plainFind(docs: Document[], spec: PlainFindSpec): Document[] | undefined {
  if (spec.collation !== undefined || spec.variables !== undefined || spec.skip || (spec.sort && Object.keys(spec.sort).length)) return undefined;
  const conditions = equalityConditions(spec.filter);
  const excluded = excludedFields(spec.projection);
  if (!conditions || !excluded) return undefined;
  const limit = spec.limit && spec.limit > 0 ? spec.limit : Infinity;
  const found: Document[] = [];
  for (const doc of docs) {
    if (found.length >= limit) break;
    const matches = matchesAll(doc, conditions);
    if (matches === undefined) return undefined;
    if (matches) found.push(excluded.length ? without(doc, excluded) : doc);
  }
  return found;
}

type Condition = [path: string, value: string | number | boolean];

/** { field: value } pairs of strings, finite numbers and booleans on plain dotted paths; undefined for anything else. */
function equalityConditions(filter: Document | undefined): Condition[] | undefined {
  if (filter === undefined) return [];
  if (!isPlainObject(filter)) return undefined;
  const conditions: Condition[] = [];
  for (const [path, value] of Object.entries(filter)) {
    if (!plainPath(path)) return undefined;
    const simple = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    if (!simple) return undefined;
    conditions.push([path, value]);
  }
  return conditions;
}

/** Top-level fields a projection of only 0/false leaves out ([] for none); undefined for any other projection. */
function excludedFields(projection: Document | undefined): string[] | undefined {
  if (projection === undefined) return [];
  if (!isPlainObject(projection)) return undefined;
  const fields: string[] = [];
  for (const [field, value] of Object.entries(projection)) {
    if ((value !== 0 && value !== false) || field.includes('.') || !plainPath(field)) return undefined;
    fields.push(field);
  }
  return fields;
}

/** A path of field names: no `$`, no empty part, no part that could be read as an array position. */
function plainPath(path: string): boolean {
  return path.split('.').every((part) => part !== '' && !part.includes('$') && !/^\d+$/.test(part));
}

/**
 * Every condition holds when some value at its path (array elements counted, as MongoDB matches) is the same
 * primitive. Undefined when a value there is a BSON class (Long, Decimal128, …) that mingo may call equal.
 */
function matchesAll(doc: Document, conditions: Condition[]): boolean | undefined {
  for (const [path, wanted] of conditions) {
    const values = valuesAt(doc, path.split('.'), 0, []);
    if (!values) return undefined;
    let found = false;
    for (const value of values) {
      if (value === wanted) found = true;
      else if (typeof value === 'object' && value !== null && !isPlainObject(value) && !(value instanceof Date)) return undefined;
    }
    if (!found) return false;
  }
  return true;
}

/**
 * The values at a path, each array on the way and at its end counted element by element; undefined when an array
 * holds arrays (MongoDB and mingo read nested arrays differently: mingo answers those).
 */
function valuesAt(current: unknown, parts: string[], at: number, out: unknown[]): unknown[] | undefined {
  if (at === parts.length) {
    if (!Array.isArray(current)) {
      if (current !== undefined) out.push(current);
      return out;
    }
    for (const item of current) {
      if (Array.isArray(item)) return undefined;
      out.push(item);
    }
    return out;
  }
  if (Array.isArray(current)) {
    for (const item of current) {
      if (Array.isArray(item)) return undefined;
      if (isPlainObject(item) && !valuesAt(item, parts, at, out)) return undefined;
    }
    return out;
  }
  if (!isPlainObject(current)) return out;
  const part = parts[at] as string;
  return Object.hasOwn(current, part) ? valuesAt(current[part], parts, at + 1, out) : out;
}

function without(doc: Document, fields: string[]): Document {
  const copy: Document = {};
  for (const [key, value] of Object.entries(doc)) if (!fields.includes(key)) copy[key] = value;
  return copy;
}
