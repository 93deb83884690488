// mingo's operators with the few query operators it answers differently from MongoDB replaced:
// $all on a field holding a single value, and $gt/$gte/$lt/$lte on binary values.
// mingo's top-level helpers (find, update, Aggregator from 'mingo') merge their own context over any given one,
// so the store uses the base classes with this context instead (see query-engine.ts).
import { Binary } from 'bson';
import { Context } from 'mingo/core';
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

/** A comparison that orders binary operands as MongoDB does and leaves every other type to mingo. */
function binaryAware(name: '$gt' | '$gte' | '$lt' | '$lte', holds: (order: number) => boolean): QueryOperator {
  return (selector, value, options) => {
    if (!(value instanceof Binary)) return (base[name] as QueryOperator)(selector, value, options);
    // Comparisons bracket by type: only binary values can match a binary bound.
    return (doc) => valuesAtPath(doc, selector).some((found) => found instanceof Binary && holds(compareBinary(found, value)));
  };
}

const overrides: Record<string, QueryOperator> = {
  $all,
  $gt: binaryAware('$gt', (order) => order > 0),
  $gte: binaryAware('$gte', (order) => order >= 0),
  $lt: binaryAware('$lt', (order) => order < 0),
  $lte: binaryAware('$lte', (order) => order <= 0),
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
