// Use case: another assessor decides on a prior-learning claim that waits for a second (or, when disputed, a third) opinion.
import { fourEyesStatus, recordAssessorDecision, type AssessorVerdict } from '../../../domain/grading/index';
import { ConflictError } from '../../../errors';
import type { LaunchSession } from '../../../lti/session-token';
import type { Attempt } from '../../evidence/index';
import type { EvidenceDeps } from '../../evidence/index';
import { placementPlaybook } from '../../evidence/index';
import { placementAttempt } from './placement-attempt';
import { publishResults } from './publish-results';

export interface DecideClaimProps {
  session: LaunchSession;
  attemptId: string;
  verdict: AssessorVerdict;
  comment?: string;
}

export async function decideClaim(deps: EvidenceDeps, { session, attemptId, verdict, comment }: DecideClaimProps): Promise<Attempt> {
  const stored = await placementPlaybook(deps, session);
  const attempt = await placementAttempt(deps, { stored, attemptId });
  if (!attempt.fourEyes || (attempt.status !== 'awaiting-second-assessor' && attempt.status !== 'disputed')) {
    throw new ConflictError('no_decision_waiting', 'This attempt does not wait for another assessor.', { status: attempt.status });
  }
  const now = deps.now();
  const fourEyes = recordAssessorDecision({
    record: attempt.fourEyes,
    decision: { assessorId: session.sub, verdict, decidedAt: now.toISOString(), ...(comment ? { comment } : {}) },
  });
  const status = fourEyesStatus(fourEyes);
  const base = { ...attempt, fourEyes, version: attempt.version + 1, updatedAt: now };
  if (status.state !== 'final') return deps.attempts.save({ ...base, status: 'disputed' });
  // The assessors' verdict stands over the rubric's: the grade scale then keeps number and verdict in agreement.
  const saved = await deps.attempts.save({ ...base, status: 'graded', gradedAt: now, passed: status.verdict === 'pass' });
  await publishResults(deps, { stored, attempt: saved });
  return saved;
}
