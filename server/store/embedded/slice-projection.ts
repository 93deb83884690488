// A projection that only slices arrays ({ tags: { $slice: 2 } }) is an exclusion projection in MongoDB and keeps
// every other field (https://www.mongodb.com/docs/manual/reference/operator/projection/slice/, "Behavior");
// mingo treats it as an inclusion and drops them. Such $slice fields are split off and applied here.
import { isPlainObject, type Document } from './documents';

export interface SplitProjection {
  /** What mingo still applies (undefined: none). */
  projection: Document | undefined;
  /** Applies the split-off slices to a result document, returning a new one; undefined when there are none. */
  slices: ((doc: Document) => Document) | undefined;
}

export function splitSliceProjection(projection: Document | undefined): SplitProjection {
  if (!projection || Object.keys(projection).length === 0) return { projection: undefined, slices: undefined };
  const slices: [string, unknown][] = [];
  const rest: Document = {};
  for (const [path, value] of Object.entries(projection)) {
    if (isPlainObject(value) && Object.keys(value).length === 1 && '$slice' in value) slices.push([path, value.$slice]);
    else rest[path] = value;
  }
  // With an inclusion beside the slices, mingo's own handling is the right one (other fields are dropped).
  const restValues = Object.entries(rest).filter(([path]) => path !== '_id').map(([, value]) => value);
  if (slices.length === 0 || restValues.some((value) => value !== 0 && value !== false)) return { projection, slices: undefined };
  const remaining = Object.keys(rest).length ? rest : undefined;
  return { projection: remaining, slices: (doc) => slices.reduce((out, [path, spec]) => sliceAt(out, path.split('.'), spec), doc) };
}

/** A copy of `doc` with the array at `parts` sliced; containers on the way are copied, nothing is mutated. */
function sliceAt(doc: Document, parts: string[], spec: unknown): Document {
  const [head, ...tail] = parts as [string, ...string[]];
  if (!(head in doc)) return doc;
  const value: unknown = doc[head];
  if (tail.length === 0) return Array.isArray(value) ? { ...doc, [head]: slice(value, spec) } : doc;
  if (isPlainObject(value)) return { ...doc, [head]: sliceAt(value, tail, spec) };
  if (Array.isArray(value)) return { ...doc, [head]: value.map((item: unknown) => (isPlainObject(item) ? sliceAt(item, tail, spec) : item)) };
  return doc;
}

/** $slice: n (first n, or last -n) or [skip, n] (skip negative counts from the end). */
function slice(items: unknown[], spec: unknown): unknown[] {
  if (typeof spec === 'number') return spec >= 0 ? items.slice(0, spec) : items.slice(Math.max(items.length + spec, 0));
  if (Array.isArray(spec) && spec.length === 2) {
    const [skip, limit] = spec.map(Number) as [number, number];
    const start = skip >= 0 ? Math.min(skip, items.length) : Math.max(items.length + skip, 0);
    return items.slice(start, start + Math.max(limit, 0));
  }
  return items;
}
