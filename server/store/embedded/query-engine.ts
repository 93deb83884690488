// The one place that asks mingo for MongoDB semantics: matching, find cursors, update operators and pipelines.
// mingo's base classes with the store's own operator context (engine-context.ts), never mingo's top-level
// helpers, which would put mingo's own operators back over the store's.
import { Aggregator } from 'mingo/aggregator';
import { Query } from 'mingo/query';
import type { AnyObject, Options } from 'mingo/types';
import { update as applyOperators, updateOne, type UpdateConfig } from 'mingo/updater';
import { checkCollation } from './collation';
import { ENGINE_CONTEXT, SHARED_OPTIONS } from './engine-context';
import { CommandError, fromQueryEngineError } from './errors';
import { cloneDocument, isPlainObject, setAtPath, valueAtPath, type Document } from './documents';
import { plainFind } from './plain-find';
import { applyPlainUpdate } from './plain-update';
import { splitSliceProjection } from './slice-projection';
import { checkUpdateTargets, resolvePositional } from './update-paths';

/** Options a command may carry that change how values compare or what $$variables mean. */
export interface QueryOptions {
  collation?: Document;
  /** The command's `let`: variables for $expr, pipelines and pipeline updates. */
  variables?: Document;
}

export interface FindSpec extends QueryOptions {
  filter?: Document;
  projection?: Document;
  sort?: Document;
  skip?: number;
  limit?: number;
}

function engineOptions(options: QueryOptions, extra: Partial<Options> = {}): Partial<Options> {
  const collation = checkCollation(options.collation);
  return {
    ...extra,
    context: ENGINE_CONTEXT,
    ...(collation ? { collation: collation as Options['collation'] } : {}),
    ...(options.variables ? { variables: options.variables as AnyObject } : {}),
  };
}

/**
 * Options for a Query: the shared, already-built ones unless the command brings a collation or `let` variables
 * (rare; those build their own). Never for mingo's updater, which spreads its options into a new object.
 */
function queryOptions(options: QueryOptions): Partial<Options> {
  if (options.collation === undefined && options.variables === undefined) return SHARED_OPTIONS;
  return engineOptions(options);
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
  const query = withEngine(() => new Query(filter as AnyObject, queryOptions(options)));
  return (doc) => withEngine(() => query.test(doc as AnyObject));
}

/** Filters, sorts, skips, limits and projects `docs` (already narrowed candidates). */
export function findDocuments(docs: Document[], spec: FindSpec): Document[] {
  const plain = plainFind(docs, spec);
  if (plain) return plain;
  const sort = spec.sort && Object.keys(spec.sort).length ? spec.sort : undefined;
  const natural = sort && Object.keys(sort).length === 1 && '$natural' in sort ? Number(sort.$natural) : undefined;
  const source = natural !== undefined && natural < 0 ? [...docs].reverse() : docs;
  const { projection, slices } = splitSliceProjection(spec.projection);
  return withEngine(() => {
    const options = queryOptions(spec);
    let cursor = new Query((spec.filter ?? {}) as AnyObject, options).find<AnyObject>(source as AnyObject[], projection as AnyObject | undefined);
    if (sort && natural === undefined) cursor = cursor.sort(sort as Record<string, 1 | -1>);
    if (spec.skip) cursor = cursor.skip(spec.skip);
    if (spec.limit) cursor = cursor.limit(spec.limit);
    const found = cursor.all() as Document[];
    return slices ? found.map(slices) : found;
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

export interface UpdateSpec extends QueryOptions {
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
    withEngine(() => updateOne(holder, {}, spec.update as never, updateConfig(spec), engineOptions(spec)));
    return holder[0] as Document;
  }
  const { $setOnInsert: setOnInsertSpec, ...operators } = spec.update;
  const $setOnInsert = isPlainObject(setOnInsertSpec) ? { ...setOnInsertSpec } : setOnInsertSpec;
  // An upsert may give the new document its _id through $set or $setOnInsert (mongoose does, for defaults).
  if (spec.inserting) adoptInsertedId(copy, operators, $setOnInsert);
  stripUnchangedId(operators, copy);
  const condition = spec.inserting ? undefined : (spec.query as AnyObject | undefined);
  const resolved = spec.inserting ? operators : resolvePositional(copy, operators, spec.query, (filter) => compileFilter(filter, spec));
  const updaterOptions = engineOptions(spec);
  if (Object.keys(resolved).length) {
    checkUpdateTargets(copy, resolved);
    pullByQuery(copy, resolved, spec);
    const applied = plainUpdateAllowed(spec) && applyPlainUpdate(copy, resolved);
    if (!applied && Object.keys(resolved).length) {
      withEngine(() => applyOperators(copy as AnyObject, resolved as AnyObject, spec.arrayFilters as AnyObject[] | undefined, condition, { queryOptions: updaterOptions }));
    }
  }
  if (spec.inserting && isPlainObject($setOnInsert) && Object.keys($setOnInsert).length) {
    checkUpdateTargets(copy, { $set: $setOnInsert });
    if (plainUpdateAllowed(spec) && applyPlainUpdate(copy, { $set: $setOnInsert })) return copy;
    withEngine(() => applyOperators(copy as AnyObject, { $set: $setOnInsert } as AnyObject, spec.arrayFilters as AnyObject[] | undefined, undefined, { queryOptions: updaterOptions }));
  }
  return copy;
}

/** $set/$unset go straight to the copy (plain-update.ts) unless arrayFilters, a collation or `let` give mingo more to interpret. */
function plainUpdateAllowed(spec: UpdateSpec): boolean {
  return spec.arrayFilters === undefined && spec.collation === undefined && spec.variables === undefined;
}

function updateConfig(spec: UpdateSpec): UpdateConfig {
  const config: UpdateConfig = spec.arrayFilters ? { arrayFilters: spec.arrayFilters as AnyObject[] } : {};
  if (spec.variables) config.let = spec.variables as AnyObject;
  return config;
}

/**
 * `$pull: { items: { $or: [...] } }` (any condition led by $and/$or/$nor/$expr) is a query on each element;
 * mingo reads it as a condition on the element's value and removes nothing. Such pulls are applied here
 * (to the update's own copy) and taken out of `operators`; other pulls stay with mingo.
 */
function pullByQuery(copy: Document, operators: Document, options: QueryOptions): void {
  if (!isPlainObject(operators.$pull)) return;
  // A copy: the statement's own object is reused for every document of a multi-update.
  const pull: Document = { ...operators.$pull };
  operators.$pull = pull;
  for (const [path, condition] of Object.entries(pull)) {
    if (path.includes('$') || !isPlainObject(condition) || !Object.keys(condition).some((key) => LOGICAL.has(key))) continue;
    const matches = compileFilter(condition, options);
    const current = valueAtPath(copy, path);
    if (Array.isArray(current)) setAtPath(copy, path, current.filter((item: unknown) => !(isPlainObject(item) && matches(item))));
    delete pull[path];
  }
  if (Object.keys(pull).length === 0) delete operators.$pull;
}

const LOGICAL = new Set(['$and', '$or', '$nor', '$expr']);

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
  return withEngine(() => new Query({ v: a } as AnyObject, SHARED_OPTIONS).test({ v: b } as AnyObject));
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
