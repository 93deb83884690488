// Equality finds answered directly (plain-find.ts) give what mingo gave — the same documents, fields and order —
// and the finds a request sends (a route by playbook and student, a save's filter on id and version) take that way.
import { Decimal128, Long, serialize } from 'bson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from './documents';
import { plainFind } from './plain-find';
import { findDocuments, type FindSpec } from './query-engine';

const field = fc.constantFrom('a', 'b', 'c');
const path = fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));
const primitive = fc.oneof(fc.constantFrom('x', 'y', ''), fc.constantFrom(0, 1, -1, 2.5), fc.boolean());
const leaf = fc.oneof(primitive, fc.constant(null), fc.date({ noInvalidDate: true }), fc.constant(Long.fromNumber(1)), fc.constant(Decimal128.fromString('1')));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(field, tie('value'), { maxKeys: 3 })),
}));
const docs = fc.array(fc.dictionary(field, value, { maxKeys: 3 }), { maxLength: 6 }).map((list) => list.map((fields, i) => ({ _id: i, ...fields })));
const spec = fc.record(
  {
    filter: fc.dictionary(path, primitive, { maxKeys: 2 }),
    projection: fc.dictionary(fc.constantFrom('a', 'b', 'c', '_id'), fc.constantFrom(0, false), { minKeys: 1, maxKeys: 2 }),
    limit: fc.integer({ min: 1, max: 4 }),
  },
  { requiredKeys: [] },
);

const bytes = (found: Document[]) => found.map((doc) => Buffer.from(serialize(doc)).toString('hex'));

describe('plain equality finds', () => {
  it('find the same documents, with the same fields in the same order, as mingo for any documents and any such find', () => {
    fc.assert(
      fc.property(docs, spec, (stored, find: FindSpec) => {
        const direct = findDocuments(stored, find);
        // `let` (even empty) sends the find through mingo, as every find went before.
        const throughMingo = findDocuments(stored, { ...find, variables: {} });
        expect(bytes(direct)).toEqual(bytes(throughMingo));
      }),
      { numRuns: 3000 },
    );
  });

  it('take the direct way for the finds a route save sends, and leave operators, sorts and inclusions to mingo', () => {
    const routes = [
      { _id: 'r1', playbookId: 'p1', studentId: 's1', version: 3, history: [] },
      { _id: 'r2', playbookId: 'p1', studentId: 's2', version: 1 },
    ];
    expect(plainFind(routes, { filter: { playbookId: 'p1', studentId: 's2' }, projection: { history: 0 }, limit: 1 })).toEqual([routes[1]]);
    expect(plainFind(routes, { filter: { _id: 'r1', version: 3 } })).toEqual([routes[0]]);
    expect(plainFind(routes, { filter: { _id: 'r1', version: 2 } })).toEqual([]);
    expect(plainFind(routes, { filter: { version: { $gt: 1 } } })).toBeUndefined();
    expect(plainFind(routes, { filter: {}, sort: { version: 1 } })).toBeUndefined();
    expect(plainFind(routes, { filter: {}, projection: { version: 1 } })).toBeUndefined();
  });
});
