// The update nearly every write sends — $set and $unset of plain field paths through objects (mongoose's
// updateOne, every repository's save) — applied here directly. Through mingo, each update first copies its whole
// operator table (Context.from, ~600 property copies) and re-tests the query: a third of the store's CPU per
// route save. Anything else (other operators, positions, array indexes, paths through arrays or scalars,
// conflicting paths, arrayFilters) returns false and goes to mingo as before, which also reports the errors.
import { isEqual } from 'mingo/util';
import { cloneDocument, isPlainObject, type Document } from './documents';

const PLAIN_OPERATORS = new Set(['$set', '$unset']);
/** Segments mingo refuses (assertNoProto) or reads as positions; left to mingo to answer. */
const SPECIAL_SEGMENT = /^(?:\d+|__proto__|constructor|prototype)$/;

/**
 * Applies `operators` to `copy` (the update's own copy of the document) when they are plain $set/$unset;
 * answers false, with `copy` untouched, when the update needs mingo.
 */
export function applyPlainUpdate(copy: Document, operators: Document): boolean {
  const sets: [string[], unknown][] = [];
  const unsets: string[][] = [];
  const paths: string[] = [];
  for (const [operator, fields] of Object.entries(operators)) {
    if (!PLAIN_OPERATORS.has(operator) || !isPlainObject(fields)) return false;
    for (const [path, value] of Object.entries(fields)) {
      const segments = plainSegments(path);
      if (!segments || !reachable(copy, segments)) return false;
      paths.push(path);
      if (operator === '$set') sets.push([segments, value]);
      else unsets.push(segments);
    }
  }
  if (paths.length === 0 || conflicting(paths)) return false;
  for (const [segments, value] of sets) setPath(copy, segments, value);
  for (const segments of unsets) unsetPath(copy, segments);
  return true;
}

/** The path's field names, or undefined when a part is empty, holds a `$`, reads as a position, or it names _id. */
function plainSegments(path: string): string[] | undefined {
  const segments = path.split('.');
  if (segments[0] === '_id') return undefined;
  for (const segment of segments) {
    if (segment === '' || segment.includes('$') || SPECIAL_SEGMENT.test(segment)) return undefined;
  }
  return segments;
}

/** True when every parent along the path is a plain object or missing (a missing one is created by $set). */
function reachable(doc: Document, segments: string[]): boolean {
  let current: Document = doc;
  for (let at = 0; at < segments.length - 1; at++) {
    const key = segments[at] as string;
    if (!Object.hasOwn(current, key)) return true;
    const next: unknown = current[key];
    if (!isPlainObject(next)) return false;
    current = next;
  }
  return true;
}

/** Two paths where one is the other or lies inside it: MongoDB's ConflictingUpdateOperators, reported by mingo. */
function conflicting(paths: string[]): boolean {
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1] as string;
    const path = sorted[i] as string;
    if (path === previous || path.startsWith(`${previous}.`)) return true;
  }
  return false;
}

function setPath(doc: Document, segments: string[], value: unknown): void {
  let current = doc;
  for (let at = 0; at < segments.length - 1; at++) {
    const key = segments[at] as string;
    if (!Object.hasOwn(current, key)) current[key] = {};
    current = current[key] as Document;
  }
  const field = segments[segments.length - 1] as string;
  // As mingo's $set: an equal value is left as it is (an object with the same fields in another order too).
  if (Object.hasOwn(current, field) && isEqual(current[field], value)) return;
  current[field] = cloneDocument(value);
}

function unsetPath(doc: Document, segments: string[]): void {
  let current: unknown = doc;
  for (const key of segments.slice(0, -1)) {
    if (!isPlainObject(current) || !Object.hasOwn(current, key)) return;
    current = current[key];
  }
  if (isPlainObject(current)) delete current[segments[segments.length - 1] as string];
}
