// The one place that asks mingo for MongoDB semantics: matching, find cursors, update operators and pipelines.
import { Aggregator, Query, find, update as applyOperators, updateOne } from 'mingo';
import type { AnyObject, Options } from 'mingo/types';
import type { UpdateConfig } from 'mingo/updater';
import { CommandError, fromQueryEngineError } from './errors';
import { cloneDocument, isPlainObject, type Document } from './documents';

/** Options a find or aggregate may carry that change how values compare. */
export interface QueryOptions {
  collation?: Document;
}

export interface FindSpec extends QueryOptions {
  filter?: Document;
  projection?: Document;
  sort?: Document;
  skip?: number;
  limit?: number;
}

function engineOptions(options: QueryOptions, extra: Partial<Options> = {}): Partial<Options> {
  return options.collation ? { ...extra, collation: options.collation as Options['collation'] } : { ...extra };
}

/** Runs mingo, reporting its failures (unknown operators, bad arguments) in MongoDB's error shape. */
export function withEngine<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw fromQueryEngineError(error);
  }
}

/** A compiled filter; compiling surfaces an unknown operator even when no document is scanned. */
export function compileFilter(filter: Document | undefined, options: QueryOptions = {}): (doc: Document) => boolean {
  if (filter !== undefined && !isPlainObject(filter)) throw new CommandError('BadValue', 'filter must be an object');
  if (!filter || Object.keys(filter).length === 0) return () => true;
  const query = withEngine(() => new Query(filter as AnyObject, engineOptions(options)));
  return (doc) => withEngine(() => query.test(doc as AnyObject));
}

/** Filters, sorts, skips, limits and projects `docs` (already narrowed candidates). */
export function findDocuments(docs: Document[], spec: FindSpec): Document[] {
  const sort = spec.sort && Object.keys(spec.sort).length ? spec.sort : undefined;
  const natural = sort && Object.keys(sort).length === 1 && '$natural' in sort ? Number(sort.$natural) : undefined;
  const source = natural !== undefined && natural < 0 ? [...docs].reverse() : docs;
  const projection = spec.projection && Object.keys(spec.projection).length ? spec.projection : undefined;
  return withEngine(() => {
    let cursor = find(source as AnyObject[], (spec.filter ?? {}) as AnyObject, projection as AnyObject | undefined, engineOptions(spec));
    if (sort && natural === undefined) cursor = cursor.sort(sort as Record<string, 1 | -1>);
    if (spec.skip) cursor = cursor.skip(spec.skip);
    if (spec.limit) cursor = cursor.limit(spec.limit);
    return cursor.all() as Document[];
  });
}

/** Projects documents (findAndModify's `fields`). */
export function projectDocument(doc: Document, projection: Document | undefined): Document {
  if (!projection || Object.keys(projection).length === 0) return doc;
  return findDocuments([doc], { projection })[0] ?? {};
}

/** True when `update` is operator-style ({ $set: … }) rather than a replacement document. */
export function isOperatorUpdate(update: Document): boolean {
  const keys = Object.keys(update);
  const dollar = keys.filter((key) => key.startsWith('$'));
  if (dollar.length && dollar.length !== keys.length) {
    throw new CommandError('FailedToParse', `Unknown modifier: ${keys.find((k) => !k.startsWith('$'))}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
  return dollar.length > 0;
}

export interface UpdateSpec {
  update: Document | Document[];
  arrayFilters?: Document[];
  /** The statement's query; the positional `$` operator finds its element through it. */
  query?: Document;
  /** True when building an upserted document: $setOnInsert applies and the query is not re-tested. */
  inserting?: boolean;
}

/** Applies an operator or pipeline update to a copy of `doc` and returns the copy. */
export function applyUpdate(doc: Document, spec: UpdateSpec): Document {
  const copy = cloneDocument(doc);
  if (Array.isArray(spec.update)) {
    const holder: AnyObject[] = [copy];
    withEngine(() => updateOne(holder, {}, spec.update as never, updateConfig(spec)));
    return holder[0] as Document;
  }
  const { $setOnInsert: setOnInsertSpec, ...operators } = spec.update;
  const $setOnInsert = isPlainObject(setOnInsertSpec) ? { ...setOnInsertSpec } : setOnInsertSpec;
  // An upsert may give the new document its _id through $set or $setOnInsert (mongoose does, for defaults).
  if (spec.inserting) adoptInsertedId(copy, operators, $setOnInsert);
  stripUnchangedId(operators, copy);
  const condition = spec.inserting ? undefined : (spec.query as AnyObject | undefined);
  if (Object.keys(operators).length) {
    withEngine(() => applyOperators(copy as AnyObject, operators as AnyObject, spec.arrayFilters as AnyObject[] | undefined, condition));
  }
  if (spec.inserting && isPlainObject($setOnInsert) && Object.keys($setOnInsert).length) {
    withEngine(() => applyOperators(copy as AnyObject, { $set: $setOnInsert } as AnyObject, spec.arrayFilters as AnyObject[] | undefined));
  }
  return copy;
}

function updateConfig(spec: UpdateSpec): UpdateConfig {
  return spec.arrayFilters ? { arrayFilters: spec.arrayFilters as AnyObject[] } : {};
}

function adoptInsertedId(copy: Document, operators: Document, setOnInsert: unknown): void {
  for (const source of [operators.$set, setOnInsert]) {
    if (!isPlainObject(source) || !('_id' in source)) continue;
    if (copy._id === undefined) copy._id = source._id;
    else if (!sameValue(source._id, copy._id)) {
      throw new CommandError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
    }
    if (source === setOnInsert) delete source._id;
  }
}

// MongoDB accepts `$set: { _id: <same value> }` (ODMs send it); mingo refuses any _id path.
function stripUnchangedId(operators: Document, doc: Document): void {
  const set: unknown = operators.$set;
  if (isPlainObject(set) && '_id' in set) {
    const { _id: _ignored, ...rest } = set;
    operators.$set = rest;
    if (Object.keys(rest).length === 0) delete operators.$set;
    if (!sameValue(set._id, doc._id)) {
      throw new CommandError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return withEngine(() => new Query({ v: a } as AnyObject).test({ v: b } as AnyObject));
}

/** Stages that would write through mingo's resolver into arrays that are not the store: refuse them. */
const WRITING_STAGES = new Set(['$out', '$merge']);

/** Runs an aggregation pipeline; other collections ($lookup, $unionWith, $graphLookup) come from `resolve`. */
export function aggregateDocuments(
  docs: Document[],
  pipeline: Document[],
  resolve: (collection: string) => Document[],
  options: QueryOptions = {},
): Document[] {
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0] ?? '';
    if (WRITING_STAGES.has(name)) {
      throw new CommandError('CommandNotSupported', `${name} is not supported by the embedded store`);
    }
  }
  return withEngine(() => {
    const aggregator = new Aggregator(pipeline as AnyObject[], engineOptions(options, {
      collectionResolver: (name: string) => resolve(name).map((d) => cloneDocument(d)) as AnyObject[],
    }));
    // Stages may rewrite their input objects; stored documents must never change outside an update.
    return aggregator.run(docs.map((d) => cloneDocument(d)) as AnyObject[]) as Document[];
  });
}
