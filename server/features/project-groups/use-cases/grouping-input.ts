// The intake as the grouping sees it: per student, the outcomes they can help on and their level across the outcomes.
import type { GroupingStudent } from '../../../domain/groups/index';
import type { ClassStandings } from '../../intake/index';

/**
 * A student is a peer on an outcome for grouping when they stand at or above its target (no offer needed: the teacher
 * composes groups, nobody is named a peer to others by it). The score is the mean of rank/levels over the outcomes; an
 * outcome without a rank counts as 0, so students without an intake sort as beginners.
 */
export function groupingStudents(standings: ClassStandings): { students: GroupingStudent[]; outcomeIds: string[] } {
  const outcomeIds = standings.design.outcomes.map((o) => o.outcomeId);
  const students = standings.students.map((s) => {
    const whole = s.points.filter((p) => p.indicatorId === undefined);
    const score = whole.length ? whole.reduce((sum, p) => sum + (p.rank ?? 0) / p.maxRank, 0) / whole.length : 0;
    return { id: s.student.id, peerOn: whole.filter((p) => p.rank !== null && p.rank >= p.targetRank).map((p) => p.outcomeId), score };
  });
  return { students, outcomeIds };
}
