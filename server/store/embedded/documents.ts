// Small helpers over stored documents: the Document type, copying, and reading or writing dotted paths.
import { calculateObjectSize, type Document } from 'bson';

export type { Document };

/** MongoDB's maxBsonObjectSize: the largest document it stores or returns (hello advertises it). */
export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;

/** mongod's internal limit (16 MiB + 16 KiB): aggregation results may reach it, stored documents may not. */
export const MAX_INTERNAL_OBJECT_SIZE = MAX_BSON_OBJECT_SIZE + 16 * 1024;

/** The document's BSON size when it exceeds `limit`, else undefined. */
export function oversize(doc: Document, limit = MAX_BSON_OBJECT_SIZE): number | undefined {
  const size = calculateObjectSize(doc);
  return size > limit ? size : undefined;
}

/** A plain object (not an array, Date or BSON value class) that a dotted path can descend into. */
export function isPlainObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Copies containers (objects, arrays, dates) but shares BSON value objects, which are never mutated;
 * updates work on such a copy so a stored document is replaced, never changed in place.
 */
export function cloneDocument<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneDocument(item)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (isPlainObject(value)) {
    const copy: Document = {};
    for (const [key, item] of Object.entries(value)) copy[key] = cloneDocument(item);
    return copy as T;
  }
  return value;
}

/**
 * Every value at a dotted path, expanding arrays along the way as a multikey index does;
 * an empty list means the path is missing.
 */
export function valuesAtPath(document: unknown, path: string): unknown[] {
  return collect(document, path.split('.'), 0);
}

function collect(current: unknown, parts: string[], at: number): unknown[] {
  if (at === parts.length) return current === undefined ? [] : [current];
  const part = parts[at] as string;
  if (Array.isArray(current)) {
    const index = /^\d+$/.test(part) ? Number(part) : -1;
    if (index >= 0 && index < current.length) return collect(current[index], parts, at + 1);
    return current.flatMap((item: unknown) => (isPlainObject(item) ? collect(item, parts, at) : []));
  }
  if (!isPlainObject(current) || !(part in current)) return [];
  const next: unknown = current[part];
  if (at + 1 === parts.length && Array.isArray(next)) return [...next];
  return collect(next, parts, at + 1);
}

/** Sets a dotted path on a plain document, creating the objects on the way (used to seed upserts). */
export function setAtPath(document: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let current: Document = document;
  for (const part of parts.slice(0, -1)) {
    const next: unknown = current[part];
    if (!isPlainObject(next)) current[part] = {};
    current = current[part] as Document;
  }
  current[parts[parts.length - 1] as string] = value;
}

/** The first value at a dotted path without array expansion, or undefined. */
export function valueAtPath(document: unknown, path: string): unknown {
  let current: unknown = document;
  for (const part of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(part)) current = current[Number(part)];
    else if (isPlainObject(current)) current = current[part];
    else return undefined;
  }
  return current;
}
