// $set/$unset applied directly (plain-update.ts) give what mingo gave, byte for byte, errors included; and the
// update a repository save sends (mongoose's $set of whole fields plus $unset) takes the direct way.
import { serialize } from 'bson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from './documents';
import { applyPlainUpdate } from './plain-update';
import { applyUpdate, type UpdateSpec } from './query-engine';

const field = fc.constantFrom('a', 'b', 'c');
const path = fc.array(fc.constantFrom('a', 'b', 'c', '0', '1'), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));
const leaf = fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.constant(null), fc.boolean(), fc.date({ noInvalidDate: true }));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(field, tie('value'), { maxKeys: 3 })),
}));
const doc = fc.dictionary(field, value, { maxKeys: 3 }).map((fields) => ({ _id: 1, ...fields }));
const update = fc
  .record({ $set: fc.dictionary(path, value, { maxKeys: 3 }), $unset: fc.dictionary(path, fc.constant(''), { maxKeys: 2 }) }, { requiredKeys: [] })
  .filter((u) => Object.keys(u).length > 0);

/** The stored result as bytes (field order counts), or the error's code when the update is refused. */
function outcome(stored: Document, spec: UpdateSpec): string {
  try {
    return Buffer.from(serialize(applyUpdate(stored, spec))).toString('hex');
  } catch (error) {
    return `error ${(error as { code?: unknown }).code ?? (error as Error).message}`;
  }
}

describe('plain $set/$unset', () => {
  it('give the same document (or the same refusal) as mingo for any document and any such update', () => {
    fc.assert(
      fc.property(doc, update, (stored, operators) => {
        const direct = outcome(stored, { update: operators, query: { _id: 1 } });
        // arrayFilters (even none) send the update through mingo, as every update went before.
        const throughMingo = outcome(stored, { update: operators, query: { _id: 1 }, arrayFilters: [] });
        expect(direct).toBe(throughMingo);
      }),
      { numRuns: 3000 },
    );
  });

  it('leave the stored document as it was', () => {
    const stored = { _id: 1, a: { b: 1 }, c: [1, 2] };
    const before = Buffer.from(serialize(stored));
    applyUpdate(stored, { update: { $set: { 'a.b': 2, 'a.d': { e: 1 } }, $unset: { c: '' } }, query: { _id: 1 } });
    expect(Buffer.from(serialize(stored)).equals(before)).toBe(true);
  });

  it("take the direct way for a repository save (whole fields set, absent ones unset), not for positions or other operators", () => {
    const route = { _id: 'r1', status: 'draft', entries: [{ activityId: 'a', status: 'planned' }], version: 3, lastReview: { by: 't' } };
    const save = { $set: { status: 'draft', entries: [{ activityId: 'b', status: 'planned' }], version: 4, updatedAt: new Date() }, $unset: { lastReview: '' } };
    const copy = structuredClone(route);
    expect(applyPlainUpdate(copy, save)).toBe(true);
    expect(copy).toMatchObject({ entries: [{ activityId: 'b' }], version: 4 });
    expect(copy).not.toHaveProperty('lastReview');
    expect(applyPlainUpdate(structuredClone(route), { $set: { 'entries.0.status': 'done' } })).toBe(false);
    expect(applyPlainUpdate(structuredClone(route), { $inc: { version: 1 } })).toBe(false);
    expect(applyPlainUpdate(structuredClone(route), { $set: { 'entries.status': 'done' } })).toBe(false);
  });
});
