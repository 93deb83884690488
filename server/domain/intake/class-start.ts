// The class's starting position per outcome: how many students stand at each level, for the class overview's picture.

import type { PointStanding } from './standing';
import { pointKey, type PointRef } from './points';

export interface ClassStartPoint extends PointRef {
  targetRank: number;
  /** counts[r - 1] students stand at rank r. */
  counts: number[];
  below: number;
  atOrAbove: number;
  /** Students with no rank on this point (no submitted intake, no grade). */
  unknown: number;
}

/** Counts only: the picture of a class, with no student named. */
export function classStart(perStudent: readonly PointStanding[][]): ClassStartPoint[] {
  const byKey = new Map<string, ClassStartPoint>();
  for (const standings of perStudent) {
    for (const s of standings) {
      const key = pointKey(s);
      let point = byKey.get(key);
      if (!point) {
        const ref = s.indicatorId === undefined ? { outcomeId: s.outcomeId } : { outcomeId: s.outcomeId, indicatorId: s.indicatorId };
        point = { ...ref, targetRank: s.targetRank, counts: new Array<number>(s.maxRank).fill(0), below: 0, atOrAbove: 0, unknown: 0 };
        byKey.set(key, point);
      }
      if (s.rank === null) point.unknown += 1;
      else {
        point.counts[s.rank - 1] = (point.counts[s.rank - 1] ?? 0) + 1;
        if (s.rank < s.targetRank) point.below += 1;
        else point.atOrAbove += 1;
      }
    }
  }
  return [...byKey.values()];
}
