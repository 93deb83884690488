// mingo's operators with the few query operators it answers differently from MongoDB replaced:
// $all on a field holding a single value, $gt/$gte/$lt/$lte on binary values, and string comparisons under a
// collation (mingo applies a collation only to sorting; MongoDB also to matching).
// mingo's top-level helpers (find, update, Aggregator from 'mingo') merge their own context over any given one,
// so the store uses the base classes with this context instead (see query-engine.ts).
import { Binary } from 'bson';
import { Context } from 'mingo/core';
import { Query } from 'mingo/query';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import type { AnyObject, Options } from 'mingo/types';
import { isPlainObject, valuesAtPath } from './documents';

type Predicate = (doc: AnyObject) => boolean;
type QueryOperator = (selector: string, value: unknown, options: Options) => Predicate;

const base = queryOperators as unknown as Record<string, QueryOperator>;

/**
 * MongoDB: `{ f: { $all: [a, b] } }` is `{ $and: [{ f: a }, { f: b }] }`, so a field holding the single value a
 * matches `$all: [a]` (mingo matches only arrays). An empty list matches nothing.
 */
const $all: QueryOperator = (selector, value, options) => {
  if (!Array.isArray(value)) return (base.$all as QueryOperator)(selector, value, options);
  const parts = value.map((item: unknown): Predicate => {
    if (isPlainObject(item) && '$elemMatch' in item) return (base.$elemMatch as QueryOperator)(selector, item.$elemMatch, options);
    if (item instanceof RegExp) return (base.$regex as QueryOperator)(selector, item, options);
    return (base.$eq as QueryOperator)(selector, item, options);
  });
  return (doc) => parts.length > 0 && parts.every((part) => part(doc));
};

/** MongoDB orders BinData by length, then subtype, then bytes (src/mongo/bson/bsonelement.cpp, compareElements). */
export function compareBinary(a: Binary, b: Binary): number {
  const left = a.buffer;
  const right = b.buffer;
  if (a.position !== b.position) return a.position - b.position;
  if (a.sub_type !== b.sub_type) return a.sub_type - b.sub_type;
  return Buffer.compare(Buffer.from(left.buffer, left.byteOffset, a.position), Buffer.from(right.buffer, right.byteOffset, b.position));
}

// MongoDB's collation strengths as Intl sensitivities (1: base letters, 2: and accents, 3+: and case).
const SENSITIVITY: Record<number, Intl.CollatorOptions['sensitivity']> = { 1: 'base', 2: 'accent', 3: 'variant', 4: 'variant', 5: 'variant' };

/** The string comparison a (checked, see collation.ts) collation asks for, or undefined without one. */
function collatorOf(options: Options): Intl.Collator | undefined {
  const spec = options.collation as (Record<string, unknown> & { locale?: string }) | undefined;
  if (!spec || typeof spec.locale !== 'string') return undefined;
  let sensitivity = SENSITIVITY[Number(spec.strength ?? 3)] ?? 'variant';
  if (spec.caseLevel === true && sensitivity === 'base') sensitivity = 'case';
  return new Intl.Collator(spec.locale, {
    sensitivity,
    numeric: spec.numericOrdering === true,
    ignorePunctuation: spec.alternate === 'shifted',
  });
}

/** Every value at the path, each array element counted, as a comparison operator sees them. */
function candidatesAt(doc: AnyObject, selector: string): unknown[] {
  return valuesAtPath(doc, selector);
}

/**
 * A comparison that orders binary operands as MongoDB does, compares strings under the query's collation,
 * and leaves everything else to mingo.
 */
function comparison(name: '$gt' | '$gte' | '$lt' | '$lte', holds: (order: number) => boolean): QueryOperator {
  return (selector, value, options) => {
    // Comparisons bracket by type: only binary values can match a binary bound, only strings a string one.
    if (value instanceof Binary) return (doc) => candidatesAt(doc, selector).some((found) => found instanceof Binary && holds(compareBinary(found, value)));
    const collator = typeof value === 'string' ? collatorOf(options) : undefined;
    if (collator) return (doc) => candidatesAt(doc, selector).some((found) => typeof found === 'string' && holds(collator.compare(found, value as string)));
    return (base[name] as QueryOperator)(selector, value, options);
  };
}

/** Set only while SHARED_OPTIONS is made (below): the options mingo hands its operators. */
let onCompile: ((options: Options) => void) | undefined;

/** Equality that, under a collation, treats strings the collation calls equal as equal. */
const $eq: QueryOperator = (selector, value, options) => {
  onCompile?.(options);
  const collator = typeof value === 'string' ? collatorOf(options) : undefined;
  if (!collator) return (base.$eq as QueryOperator)(selector, value, options);
  return (doc) => candidatesAt(doc, selector).some((found) => typeof found === 'string' && collator.compare(found, value as string) === 0);
};

const $in: QueryOperator = (selector, value, options) => {
  if (!Array.isArray(value) || !collatorOf(options)) return (base.$in as QueryOperator)(selector, value, options);
  const parts = value.map((item: unknown): Predicate =>
    item instanceof RegExp ? (base.$regex as QueryOperator)(selector, item, options) : $eq(selector, item, options),
  );
  return (doc) => parts.some((part) => part(doc));
};

const $ne: QueryOperator = (selector, value, options) => {
  if (typeof value !== 'string' || !collatorOf(options)) return (base.$ne as QueryOperator)(selector, value, options);
  const equal = $eq(selector, value, options);
  return (doc) => !equal(doc);
};

const $nin: QueryOperator = (selector, value, options) => {
  if (!Array.isArray(value) || !collatorOf(options)) return (base.$nin as QueryOperator)(selector, value, options);
  const inList = $in(selector, value, options);
  return (doc) => !inList(doc);
};

const overrides: Record<string, QueryOperator> = {
  $all,
  $eq,
  $ne,
  $in,
  $nin,
  $gt: comparison('$gt', (order) => order > 0),
  $gte: comparison('$gte', (order) => order >= 0),
  $lt: comparison('$lt', (order) => order < 0),
  $lte: comparison('$lte', (order) => order <= 0),
};

/** Every mingo operator, with the overrides above in place of mingo's own. */
export const ENGINE_CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: { ...queryOperators, ...overrides } as never,
  window: windowOperators,
});

/**
 * mingo's own options object (its ComputeOptions) over ENGINE_CONTEXT, made once. Given plain options, every
 * Query, Aggregator and operator copies the whole operator table (Context.from: some 300 entries, ~60 µs per
 * query); given this object, they share it. mingo does not export the class, so the instance is taken from the
 * first operator that receives one.
 */
export const SHARED_OPTIONS: Options = (() => {
  let captured: Options | undefined;
  onCompile = (options) => (captured = options);
  try {
    new Query({ probe: { $eq: 1 } }, { context: ENGINE_CONTEXT });
  } finally {
    onCompile = undefined;
  }
  if (!captured) throw new Error('mingo did not hand its options to the $eq operator');
  return captured;
})();
