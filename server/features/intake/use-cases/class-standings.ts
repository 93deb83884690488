// Where every student of the course stands per point, from their submitted intake and their grades: what peers and groups are made from.
import { gradedRank, pointStandings, type PointStanding } from '../../../domain/intake/index';
import type { LearningOutcome } from '../../../domain/outcome';
import type { LaunchSession } from '../../../lti/session-token';
import type { Attempt } from '../../evidence/index';
import type { ClassListMember } from '../../roster/index';
import type { StoredResponse } from '../data/intake-repository';
import type { IntakeDeps } from '../deps';
import { intakeContext, type IntakeContext } from './intake-context';

export type IntakeState = 'none' | 'draft' | 'submitted';

export interface StudentStanding {
  student: ClassListMember;
  intake: IntakeState;
  /** Only a submitted intake counts (a draft is the student's thinking aloud); grades count whenever there are any. */
  points: PointStanding[];
}

export interface ClassStandings extends IntakeContext {
  /** Every active student of the course, also those who never launched. */
  students: StudentStanding[];
  responses: Map<string, StoredResponse>;
}

export async function classStandings(deps: IntakeDeps, props: { session: LaunchSession; audience: 'student' | 'staff' }): Promise<ClassStandings> {
  const context = await intakeContext(deps, props);
  const [list, responses, graded] = await Promise.all([
    deps.learningRoutes.classList({ session: props.session, sync: 'if-stale' }),
    deps.intakes.listResponses(context.playbook.id),
    deps.gradedAttempts(context.playbook.id),
  ]);
  const byStudent = new Map(responses.map((r) => [r.studentId, r]));
  const ranks = gradedRanksByStudent(graded, context.outcomes);
  const students = list.members
    .filter((m) => m.status === 'active' && m.roles.includes('student'))
    .map((student) => {
      const response = byStudent.get(student.id);
      const points = pointStandings({
        design: context.design,
        outcomes: context.outcomes,
        response: response?.status === 'submitted' ? response : undefined,
        gradedRanks: ranks.get(student.id),
      });
      return { student, intake: response?.status ?? 'none', points } satisfies StudentStanding;
    });
  return { ...context, students, responses: byStudent };
}

/** The latest graded attempt per student and outcome, read as the rank its weakest criterion shows. */
export function gradedRanksByStudent(attempts: readonly Attempt[], outcomes: readonly LearningOutcome[]): Map<string, Map<string, number>> {
  const latest = new Map<string, Attempt>();
  for (const attempt of attempts) {
    if (attempt.status !== 'graded' || !attempt.assessment) continue;
    const key = `${attempt.studentId}\n${attempt.outcomeId}`;
    const before = latest.get(key);
    if (!before || (before.gradedAt?.getTime() ?? 0) < (attempt.gradedAt?.getTime() ?? 0)) latest.set(key, attempt);
  }
  const ranks = new Map<string, Map<string, number>>();
  for (const attempt of latest.values()) {
    const outcome = outcomes.find((o) => o.id === attempt.outcomeId);
    const rank = outcome && attempt.assessment ? gradedRank(outcome, attempt.assessment.judgements) : undefined;
    if (rank === undefined) continue;
    const mine = ranks.get(attempt.studentId) ?? new Map<string, number>();
    mine.set(attempt.outcomeId, rank);
    ranks.set(attempt.studentId, mine);
  }
  return ranks;
}
