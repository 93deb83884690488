// Use case: a student at self-direction level 3 or 4 judges their own draft against the rubric before handing it in.
import { LevelForbidsError } from '../../../domain/errors';
import { assertValidAssessment, type Assessment } from '../../../domain/grading/index';
import { canSelfAssess } from '../../../domain/self-direction';
import type { LaunchSession } from '../../../lti/session-token';
import { ConflictError } from '../../../errors';
import type { Attempt } from './attempt';
import type { EvidenceDeps } from '../deps';
import { ownAttempt } from './own-attempt';
import { placementPlaybook, publishedOutcome, studentLevel } from './placement-context';

export interface SelfAssessProps {
  session: LaunchSession;
  attemptId: string;
  selfAssessment: Assessment;
}

export async function selfAssess(deps: EvidenceDeps, { session, attemptId, selfAssessment }: SelfAssessProps): Promise<Attempt> {
  const stored = await placementPlaybook(deps, session);
  const attempt = await ownAttempt(deps, { stored, session, attemptId });
  const level = await studentLevel(deps, stored, session.sub);
  if (!canSelfAssess(level)) throw new LevelForbidsError('self_assessment', level);
  if (attempt.status !== 'draft') throw new ConflictError('attempt_not_draft', 'This attempt was handed in already.');
  const outcome = publishedOutcome(stored, attempt.outcomeId);
  assertValidAssessment({ rubric: outcome.rubric, assessment: selfAssessment });
  const now = deps.now();
  return deps.attempts.save({ ...attempt, selfAssessment: { ...selfAssessment, at: now }, version: attempt.version + 1, updatedAt: now });
}
