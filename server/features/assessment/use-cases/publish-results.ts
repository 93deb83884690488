// After an attempt's result becomes final: the student's outcome grade and, once complete, the final grade go to the publisher.
import { buildAgsScore, composeComment } from '../../../domain/grading/index';
import type { Attempt } from '../../evidence/index';
import type { EvidenceDeps } from '../../evidence/index';
import type { StoredPlaybook } from '../../playbooks/index';
import { placementStanding } from './standing';

export async function publishResults(deps: EvidenceDeps, { stored, attempt }: { stored: StoredPlaybook; attempt: Attempt }): Promise<void> {
  const assessment = attempt.assessment;
  if (attempt.status !== 'graded' || !assessment) return;
  const [attempts, settings] = await Promise.all([
    deps.attempts.listForStudent(stored.playbook.id, attempt.studentId),
    deps.settings.get(stored.playbook.id),
  ]);
  const outcomeIds = stored.outcomes.filter((o) => o.status === 'published').map((o) => o.id);
  const standing = placementStanding({ outcomeIds, attempts, settings });
  const common = { placement: attempt.placement, playbookId: attempt.playbookId, studentSub: attempt.studentId };

  const outcome = standing.outcomes.find((o) => o.outcomeId === attempt.outcomeId);
  if (outcome?.mastery.status === 'assessed' && outcome.grade) {
    const score = buildAgsScore({
      routeState: 'graded',
      grade: outcome.grade,
      feedback: { overall: assessment.comment, criteria: assessment.result.explanation.criteria },
    });
    await deps.publisher.publishOutcomeResult({
      ...common,
      outcomeId: attempt.outcomeId,
      attemptId: attempt.id,
      result: assessment.result,
      mastery: outcome.mastery,
      grade: outcome.grade,
      comment: score.comment ?? outcome.grade.display,
      activityProgress: score.activityProgress,
      gradingProgress: score.gradingProgress,
    });
  }
  if (standing.final.status === 'graded' && standing.finalGrade) {
    await deps.publisher.publishFinalGrade({
      ...common,
      finalGrade: standing.final,
      grade: standing.finalGrade,
      comment: finalComment(standing.finalGrade.display, stored, standing.outcomes, attempts),
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    });
  }
}

/** The gradebook comment of the final grade: the grade, then per outcome its grade and the latest feedback, so students read it in the LMS too. */
function finalComment(
  gradeLabel: string,
  stored: StoredPlaybook,
  outcomes: ReturnType<typeof placementStanding>['outcomes'],
  attempts: Attempt[],
): string {
  const lines = outcomes.flatMap((standing) => {
    if (!standing.grade) return [];
    const title = stored.outcomes.find((o) => o.id === standing.outcomeId)?.title ?? standing.outcomeId;
    const latest = attempts
      .filter((a) => a.outcomeId === standing.outcomeId && a.status === 'graded' && a.assessment)
      .sort((a, b) => b.number - a.number)[0];
    const feedback = latest?.assessment?.comment?.trim();
    return [`${title}: ${standing.grade.display}${feedback ? ` — ${feedback}` : ''}`];
  });
  return composeComment(gradeLabel, { overall: lines.join('\n') });
}
