// Forms project groups from the intake: balanced sizes, fixed partners together, locked groups kept, peers spread (mixed) or levels together (similar).

import type { FormedGroup, GroupingInput, Grouping, GroupingStudent, GroupTarget, LockedGroup } from './grouping-types';

/** Fixed partners as one block that is placed, moved and swapped whole. */
interface Unit {
  members: GroupingStudent[];
  size: number;
  score: number;
  /** Per outcome, how many members are peers on it. */
  peers: Map<string, number>;
}

/**
 * The rules, precisely (each is a property test in form-groups.test.ts):
 * - every student is in exactly one group; a locked group comes back as it was (minus students no longer given);
 * - new groups differ in size by at most 1 when nobody has fixed partners; with fixed partners by at most the size of
 *   the largest cluster (a cluster cannot be split, so an exact ±1 is not always possible);
 * - mixed: after balancing, pairs of equal-sized blocks are swapped between groups while that gives a group a peer on
 *   an outcome without taking one from any group. This always succeeds — every group has a peer on every outcome —
 *   when nobody has fixed partners, each student is a peer on at most one outcome, each outcome has at least as many
 *   peers as there are new groups, and the smallest group has room for one peer per outcome (⌊n/g⌋ ≥ outcomes).
 *   Outside that case it is best effort and `missingPeers` names what is left.
 */
export function formGroups(input: GroupingInput): Grouping {
  const { locked, pool } = splitLocked(input.students, input.locked ?? []);
  const units = buildUnits(pool, input.fixedPartners ?? []);
  const g = groupCount(input.target, pool.length, units.length, locked.length);
  if (g === 0) return { groups: locked, missingPeers: [] };
  const groups = input.mode === 'mixed' ? seedMixed(units, g, input.outcomeIds) : fillSimilar(units, g, pool.length);
  balance(groups, input.mode, input.outcomeIds);
  if (input.mode === 'mixed') swapForPeers(groups, input.outcomeIds);
  const order = new Map(input.students.map((s, i) => [s.id, i]));
  const formed: FormedGroup[] = groups.map((group) => ({
    memberIds: group.flatMap((u) => u.members.map((m) => m.id)).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
    locked: false,
  }));
  const missingPeers =
    input.mode === 'mixed'
      ? groups.flatMap((group, i) => input.outcomeIds.filter((o) => peersOn(group, o) === 0).map((outcomeId) => ({ groupIndex: locked.length + i, outcomeId })))
      : [];
  return { groups: [...locked, ...formed], missingPeers };
}

function splitLocked(students: readonly GroupingStudent[], lockedGroups: readonly LockedGroup[]): { locked: FormedGroup[]; pool: GroupingStudent[] } {
  const known = new Set(students.map((s) => s.id));
  const taken = new Set<string>();
  const locked: FormedGroup[] = [];
  for (const group of lockedGroups) {
    // A student who left the course drops out; one listed in two locked groups stays in the first.
    const memberIds = group.memberIds.filter((id) => known.has(id) && !taken.has(id));
    for (const id of memberIds) taken.add(id);
    if (memberIds.length > 0) locked.push({ id: group.id, memberIds, locked: true });
  }
  const seen = new Set<string>();
  const pool = students.filter((s) => !taken.has(s.id) && !seen.has(s.id) && Boolean(seen.add(s.id)));
  return { locked, pool };
}

function buildUnits(pool: GroupingStudent[], fixedPartners: readonly (readonly string[])[]): Unit[] {
  const index = new Map(pool.map((s, i) => [s.id, i]));
  const parent = pool.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  for (const list of fixedPartners) {
    const present = list.flatMap((id) => (index.has(id) ? [index.get(id) ?? 0] : []));
    for (const i of present.slice(1)) parent[find(i)] = find(present[0] ?? i);
  }
  const byRoot = new Map<number, GroupingStudent[]>();
  pool.forEach((student, i) => {
    const root = find(i);
    byRoot.set(root, [...(byRoot.get(root) ?? []), student]);
  });
  return [...byRoot.values()].map(unitOf);
}

function unitOf(members: GroupingStudent[]): Unit {
  const peers = new Map<string, number>();
  for (const m of members) for (const o of new Set(m.peerOn)) peers.set(o, (peers.get(o) ?? 0) + 1);
  return { members, size: members.length, score: members.reduce((sum, m) => sum + m.score, 0) / members.length, peers };
}

/** A count includes the locked groups (the teacher asked for that many in all); never more groups than blocks to fill them. */
function groupCount(target: GroupTarget, students: number, units: number, lockedCount: number): number {
  if (students === 0) return 0;
  const wanted = 'size' in target ? Math.ceil(students / Math.max(1, target.size)) : Math.max(1, target.count - lockedCount);
  return Math.max(1, Math.min(wanted, units));
}

const load = (group: Unit[]): number => group.reduce((sum, u) => sum + u.size, 0);
const peersOn = (group: Unit[], outcomeId: string): number => group.reduce((sum, u) => sum + (u.peers.get(outcomeId) ?? 0), 0);

/** One block with a peer per group for the scarcest outcome first, then the rest largest first into the emptiest group. */
function seedMixed(units: Unit[], g: number, outcomeIds: readonly string[]): Unit[][] {
  const groups: Unit[][] = Array.from({ length: g }, () => []);
  const free = new Set(units);
  const scarcity = (o: string) => units.filter((u) => u.peers.has(o)).length;
  for (const outcomeId of [...outcomeIds].sort((a, b) => scarcity(a) - scarcity(b))) {
    for (const group of groups) {
      if (peersOn(group, outcomeId) > 0) continue;
      let best: Unit | undefined;
      for (const u of free) if (u.peers.has(outcomeId) && (!best || u.size < best.size)) best = u;
      if (!best) break;
      free.delete(best);
      group.push(best);
    }
  }
  for (const unit of [...free].sort((a, b) => b.size - a.size)) {
    let target = groups[0] ?? [];
    for (const group of groups) if (load(group) < load(target)) target = group;
    target.push(unit);
  }
  return groups;
}

/** Blocks by level, lowest first, cut into consecutive groups of the balanced sizes. */
function fillSimilar(units: Unit[], g: number, n: number): Unit[][] {
  const groups: Unit[][] = Array.from({ length: g }, () => []);
  const sorted = [...units].sort((a, b) => a.score - b.score);
  const base = Math.floor(n / g);
  const extra = n % g;
  let i = 0;
  for (const unit of sorted) {
    const group = groups[i] ?? [];
    group.push(unit);
    if (load(group) >= base + (i < extra ? 1 : 0) && i < g - 1) i += 1;
  }
  return groups;
}

/**
 * Moves a block of size s from a group to the smallest while s is below their difference d, from the largest group
 * that has such a block: the sum of squared sizes drops with each move, so it ends, and it ends only when no group
 * holds a block below its difference with the smallest — so the spread is at most 1 for single students and at most
 * the largest cluster otherwise, and no group stays empty (there are never more groups than blocks).
 */
function balance(groups: Unit[][], mode: GroupingInput['mode'], outcomeIds: readonly string[]): void {
  for (;;) {
    let to: Unit[] = groups[0] ?? [];
    for (const group of groups) if (load(group) < load(to)) to = group;
    let from: Unit[] | undefined;
    for (const group of groups) {
      const d = load(group) - load(to);
      if (d > 1 && group.some((u) => u.size < d) && (!from || load(group) > load(from))) from = group;
    }
    if (!from) return;
    const source = from;
    const d = load(source) - load(to);
    const movable = source.filter((u) => u.size < d);
    const meanTo = to.length ? to.reduce((s, u) => s + u.score * u.size, 0) / load(to) : 0;
    const cost = (u: Unit): number =>
      mode === 'similar'
        ? Math.abs(u.score - meanTo)
        : // Mixed: rather move a block whose peers the big group has twice, to a group that lacks them.
          outcomeIds.reduce((c, o) => c + (u.peers.has(o) && peersOn(source, o) === (u.peers.get(o) ?? 0) ? 1 : 0) - (u.peers.has(o) && peersOn(to, o) === 0 ? 1 : 0), 0);
    const unit = movable.reduce((a, b) => (cost(b) < cost(a) ? b : a));
    source.splice(source.indexOf(unit), 1);
    to.push(unit);
  }
}

/**
 * Swaps equal-sized blocks x (from a group with a second peer on the outcome) and y (from the group lacking it) when
 * neither group loses a peer on any outcome it had: every swap covers one more (group, outcome) and uncovers none.
 */
function swapForPeers(groups: Unit[][], outcomeIds: readonly string[]): void {
  const keeps = (group: Unit[], out: Unit, inn: Unit): boolean =>
    outcomeIds.every((o) => {
      const before = peersOn(group, o);
      return before === 0 || before - (out.peers.get(o) ?? 0) + (inn.peers.get(o) ?? 0) > 0;
    });
  for (let pass = 0; pass < 2; pass += 1) {
    let progress = false;
    for (const outcomeId of outcomeIds) {
      for (const lacking of groups) {
        if (peersOn(lacking, outcomeId) > 0) continue;
        const swap = findSwap(groups, lacking, outcomeId, keeps);
        if (!swap) continue;
        const { other, x, y } = swap;
        other.splice(other.indexOf(x), 1, y);
        lacking.splice(lacking.indexOf(y), 1, x);
        progress = true;
      }
    }
    if (!progress) return;
  }
}

function findSwap(
  groups: Unit[][],
  lacking: Unit[],
  outcomeId: string,
  keeps: (group: Unit[], out: Unit, inn: Unit) => boolean,
): { other: Unit[]; x: Unit; y: Unit } | undefined {
  for (const other of groups) {
    if (other === lacking || peersOn(other, outcomeId) < 2) continue;
    for (const x of other) {
      if (!x.peers.has(outcomeId) || peersOn(other, outcomeId) - (x.peers.get(outcomeId) ?? 0) < 1) continue;
      for (const y of lacking) {
        if (y.size === x.size && keeps(other, x, y) && keeps(lacking, y, x)) return { other, x, y };
      }
    }
  }
  return undefined;
}
