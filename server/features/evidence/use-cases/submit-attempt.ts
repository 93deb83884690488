// Use case: a student hands in their draft attempt when they are ready, inside an assessment window if the teacher set any.
import { DomainError } from '../../../domain/errors';
import { canSelfAssess } from '../../../domain/self-direction';
import { isWithinAssessmentWindow, type Playbook } from '../../../domain/playbook';
import { AppError, ConflictError } from '../../../errors';
import type { LaunchSession } from '../../../lti/session-token';
import type { Attempt } from './attempt';
import type { EvidenceDeps } from '../deps';
import { ownAttempt } from './own-attempt';
import { placementPlaybook, publishedOutcome, studentLevel } from './placement-context';

export interface SubmitAttemptProps {
  session: LaunchSession;
  attemptId: string;
}

export async function submitAttempt(deps: EvidenceDeps, { session, attemptId }: SubmitAttemptProps): Promise<Attempt> {
  const stored = await placementPlaybook(deps, session);
  const attempt = await ownAttempt(deps, { stored, session, attemptId });
  publishedOutcome(stored, attempt.outcomeId);
  if (attempt.status !== 'draft') throw new ConflictError('attempt_not_draft', 'This attempt was handed in already.');
  if (attempt.items.length === 0) throw new AppError(422, 'no_evidence', 'Add evidence before handing in.');
  const now = deps.now();
  assertInsideWindow(stored.playbook, now);
  if (canSelfAssess(await studentLevel(deps, stored, session.sub)) && !attempt.selfAssessment) {
    throw new ConflictError('self_assessment_required', 'Assess your own work against the criteria before handing it in.');
  }
  const submitted = await deps.attempts.save({ ...attempt, status: 'submitted', submittedAt: now, version: attempt.version + 1, updatedAt: now });
  await deps.publisher.publishActivityProgress({
    placement: submitted.placement,
    playbookId: submitted.playbookId,
    studentSub: submitted.studentId,
    outcomeId: submitted.outcomeId,
    attemptId: submitted.id,
    activityProgress: 'Submitted',
    gradingProgress: 'PendingManual',
  });
  return submitted;
}

/** No windows means any moment; otherwise the refusal names the next window so the student can plan. */
function assertInsideWindow(playbook: Playbook, now: Date): void {
  if (playbook.assessmentWindows.length === 0 || isWithinAssessmentWindow(playbook, now)) return;
  const next = playbook.assessmentWindows.filter((w) => w.from > now).sort((a, b) => a.from.getTime() - b.from.getTime())[0];
  throw new DomainError('outside_assessment_window', 'You can hand in during an assessment window only.', {
    nextWindow: next ? { id: next.id, from: next.from.toISOString(), until: next.until.toISOString() } : null,
  });
}
