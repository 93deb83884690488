import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formGroups } from './form-groups';
import type { GroupingInput, GroupingStudent } from './grouping-types';

const OUTCOMES = ['lo-a', 'lo-b', 'lo-c'];

const student = (id: string, peerOn: string[] = [], score = 0.5): GroupingStudent => ({ id, peerOn, score });
const sizes = (input: GroupingInput) => formGroups(input).groups.filter((g) => !g.locked).map((g) => g.memberIds.length);
const spread = (values: number[]) => (values.length ? Math.max(...values) - Math.min(...values) : 0);

/** A class of distinct students, each a peer on some of the outcomes, with a level score. */
const classArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 60 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({ id: fc.constant(`s${id}`), peerOn: fc.subarray(OUTCOMES), score: fc.double({ min: 0, max: 1, noNaN: true }) }),
      ),
    ),
  );
const targetArb = fc.oneof(fc.record({ size: fc.integer({ min: 1, max: 8 }) }), fc.record({ count: fc.integer({ min: 1, max: 12 }) }));
const modeArb = fc.constantFrom('mixed' as const, 'similar' as const);

/** Disjoint clusters of fixed partners (2-3 students) drawn from the class. */
function clustersOf(students: GroupingStudent[], cuts: number[]): string[][] {
  const clusters: string[][] = [];
  let at = 0;
  for (const cut of cuts) {
    const cluster = students.slice(at, at + cut).map((s) => s.id);
    if (cluster.length >= 2) clusters.push(cluster);
    at += cut + 1;
  }
  return clusters;
}

describe('forming project groups', () => {
  it('puts every student in exactly one group, whatever the mode, target, partners and locks', () => {
    fc.assert(
      fc.property(classArb, targetArb, modeArb, fc.array(fc.integer({ min: 2, max: 3 }), { maxLength: 5 }), fc.nat(5), (students, target, mode, cuts, lockedCount) => {
        const locked = lockedCount > 0 ? [{ id: 'locked-1', memberIds: students.slice(-lockedCount).map((s) => s.id) }] : [];
        const { groups } = formGroups({ students, outcomeIds: OUTCOMES, mode, target, fixedPartners: clustersOf(students, cuts), locked });
        const placed = groups.flatMap((g) => g.memberIds);
        expect(placed.sort()).toEqual(students.map((s) => s.id).sort());
        expect(groups.every((g) => g.memberIds.length > 0)).toBe(true);
      }),
    );
  });

  it('without fixed partners, new groups differ in size by at most one', () => {
    fc.assert(
      fc.property(classArb, targetArb, modeArb, (students, target, mode) => {
        expect(spread(sizes({ students, outcomeIds: OUTCOMES, mode, target }))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('with fixed partners, they stay together and sizes differ by at most the largest cluster', () => {
    fc.assert(
      fc.property(classArb, targetArb, modeArb, fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 1, maxLength: 6 }), (students, target, mode, cuts) => {
        const fixedPartners = clustersOf(students, cuts);
        const { groups } = formGroups({ students, outcomeIds: OUTCOMES, mode, target, fixedPartners });
        for (const cluster of fixedPartners) {
          expect(groups.filter((g) => cluster.some((id) => g.memberIds.includes(id)))).toHaveLength(1);
        }
        const largest = Math.max(1, ...fixedPartners.map((c) => c.length));
        expect(spread(groups.map((g) => g.memberIds.length))).toBeLessThanOrEqual(largest);
      }),
    );
  });

  it('a size target never makes a group larger than asked when nobody has fixed partners', () => {
    fc.assert(
      fc.property(classArb, fc.integer({ min: 1, max: 8 }), modeArb, (students, size, mode) => {
        expect(Math.max(...sizes({ students, outcomeIds: OUTCOMES, mode, target: { size } }))).toBeLessThanOrEqual(size);
      }),
    );
  });

  it('mixed: every group has a peer on every outcome whenever it can (each outcome ≥ groups peers, one outcome per peer, room for one per outcome)', () => {
    // The class: k outcomes, each with at least g peers of its own, the rest peers on nothing; ⌊n/g⌋ ≥ k.
    const arb = fc
      .record({ k: fc.integer({ min: 1, max: 3 }), g: fc.integer({ min: 1, max: 8 }), extraPeers: fc.array(fc.nat(4), { minLength: 3, maxLength: 3 }), others: fc.nat(30) })
      .chain(({ k, g, extraPeers, others }) => {
        const outcomeIds = OUTCOMES.slice(0, k);
        const peers = outcomeIds.flatMap((o, i) => Array.from({ length: g + (extraPeers[i] ?? 0) }, (_, j) => ({ id: `${o}-peer-${j}`, peerOn: [o] })));
        const n = Math.max(peers.length + others, g * k);
        const rest = Array.from({ length: n - peers.length }, (_, j) => ({ id: `other-${j}`, peerOn: [] as string[] }));
        return fc.shuffledSubarray([...peers, ...rest], { minLength: n, maxLength: n }).map((order) => ({ outcomeIds, g, students: order.map((s) => student(s.id, s.peerOn)) }));
      });
    fc.assert(
      fc.property(arb, ({ outcomeIds, g, students }) => {
        const result = formGroups({ students, outcomeIds, mode: 'mixed', target: { count: g } });
        expect(result.groups).toHaveLength(g);
        expect(result.missingPeers).toEqual([]);
        for (const group of result.groups) {
          for (const o of outcomeIds) expect(group.memberIds.some((id) => students.find((s) => s.id === id)?.peerOn.includes(o))).toBe(true);
        }
      }),
    );
  });

  it('similar: students of like level share a group (sorted levels are cut into consecutive groups)', () => {
    const students = Array.from({ length: 12 }, (_, i) => student(`s${i}`, [], i / 11));
    const { groups } = formGroups({ students, outcomeIds: OUTCOMES, mode: 'similar', target: { size: 4 } });
    expect(groups.map((g) => g.memberIds)).toEqual([
      ['s0', 's1', 's2', 's3'],
      ['s4', 's5', 's6', 's7'],
      ['s8', 's9', 's10', 's11'],
    ]);
  });

  it('a locked group comes back unchanged and a count includes it', () => {
    const students = Array.from({ length: 10 }, (_, i) => student(`s${i}`));
    const { groups } = formGroups({
      students,
      outcomeIds: OUTCOMES,
      mode: 'mixed',
      target: { count: 3 },
      locked: [{ id: 'g-kept', memberIds: ['s9', 's0', 'gone'] }],
    });
    expect(groups[0]).toEqual({ id: 'g-kept', memberIds: ['s9', 's0'], locked: true });
    expect(groups).toHaveLength(3);
    expect(groups.slice(1).map((g) => g.memberIds.length)).toEqual([4, 4]);
  });

  it('names the groups left without a peer when the class has too few', () => {
    const students = [student('a', ['lo-a']), student('b'), student('c'), student('d')];
    const result = formGroups({ students, outcomeIds: ['lo-a'], mode: 'mixed', target: { size: 2 } });
    expect(result.missingPeers).toEqual([{ groupIndex: 1, outcomeId: 'lo-a' }]);
  });

  it('an empty class (or everyone locked) forms no new group', () => {
    expect(formGroups({ students: [], outcomeIds: OUTCOMES, mode: 'mixed', target: { size: 3 } }).groups).toEqual([]);
  });
});
