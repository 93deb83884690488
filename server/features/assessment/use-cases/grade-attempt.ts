// Use case: a teacher grades a handed-in attempt against the outcome's rubric; prior-learning claims may then wait for a second assessor.
import { fourEyesStatus, recordAssessorDecision, scoreAssessment, type Assessment } from '../../../domain/grading/index';
import { ConflictError } from '../../../errors';
import type { LaunchSession } from '../../../lti/session-token';
import { isPriorLearningClaim, type Attempt } from '../../evidence/index';
import type { EvidenceDeps } from '../../evidence/index';
import { placementPlaybook, publishedOutcome } from '../../evidence/index';
import { outcomeSettings } from './grading-settings';
import { placementAttempt } from './placement-attempt';
import { publishResults } from './publish-results';

export interface GradeAttemptProps {
  session: LaunchSession;
  attemptId: string;
  assessment: Assessment;
}

export async function gradeAttempt(deps: EvidenceDeps, { session, attemptId, assessment }: GradeAttemptProps): Promise<Attempt> {
  const stored = await placementPlaybook(deps, session);
  const attempt = await placementAttempt(deps, { stored, attemptId });
  if (attempt.status !== 'submitted') throw new ConflictError('attempt_not_waiting', `This attempt cannot be graded: it is ${attempt.status}.`, { status: attempt.status });
  const outcome = publishedOutcome(stored, attempt.outcomeId);
  const settings = outcomeSettings(await deps.settings.get(stored.playbook.id), outcome.id);
  const result = scoreAssessment({ rubric: outcome.rubric, assessment, rule: settings.scoringRule });
  const now = deps.now();
  let graded: Attempt = {
    ...attempt,
    assessment: { ...assessment, assessorId: session.sub, assessedAt: now, result },
    version: attempt.version + 1,
    updatedAt: now,
  };
  if (isPriorLearningClaim(attempt)) {
    // The rubric's verdict is this assessor's decision on the claim; a second one may have to agree with it.
    const decision = { assessorId: session.sub, verdict: result.passed ? ('pass' as const) : ('fail' as const), decidedAt: now.toISOString(), ...(assessment.comment ? { comment: assessment.comment } : {}) };
    const fourEyes = recordAssessorDecision({ record: { required: settings.priorLearningFourEyes, decisions: [] }, decision });
    graded = { ...graded, fourEyes };
    if (fourEyesStatus(fourEyes).state !== 'final') {
      const waiting = await deps.attempts.save({ ...graded, status: 'awaiting-second-assessor' });
      await deps.publisher.publishActivityProgress({
        placement: waiting.placement,
        playbookId: waiting.playbookId,
        studentSub: waiting.studentId,
        outcomeId: waiting.outcomeId,
        attemptId: waiting.id,
        activityProgress: 'Submitted',
        gradingProgress: 'Pending',
      });
      return waiting;
    }
  }
  const saved = await deps.attempts.save({ ...graded, status: 'graded', gradedAt: now, passed: result.passed });
  await publishResults(deps, { stored, attempt: saved });
  return saved;
}
