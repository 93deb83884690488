// A development point: one learning outcome, or one indicator of it — what a student places themselves on, is a junior or a peer on.

export interface PointRef {
  outcomeId: string;
  /** Absent for the outcome as a whole. */
  indicatorId?: string;
}

/** A stable string key for maps and storage: "outcome" or "outcome/indicator". */
export function pointKey(point: PointRef): string {
  return point.indicatorId ? `${point.outcomeId}/${point.indicatorId}` : point.outcomeId;
}

export function pointOf(key: string): PointRef {
  const slash = key.indexOf('/');
  return slash < 0 ? { outcomeId: key } : { outcomeId: key.slice(0, slash), indicatorId: key.slice(slash + 1) };
}

export function samePoint(a: PointRef, b: PointRef): boolean {
  return pointKey(a) === pointKey(b);
}
