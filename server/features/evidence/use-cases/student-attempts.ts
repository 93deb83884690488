// Use cases: a student reads their own attempts with feedback and grade, and where they stand per outcome and overall.
import type { ScaleGrade } from '../../../domain/grading/index';
import type { LaunchSession } from '../../../lti/session-token';
import { attemptGrade, placementStanding, type PlacementStanding } from '../../assessment/index';
import type { Attempt } from './attempt';
import type { EvidenceDeps } from '../deps';
import { ownAttempt } from './own-attempt';
import { placementPlaybook } from './placement-context';

export interface GradedAttempt {
  attempt: Attempt;
  grade?: ScaleGrade;
}

export async function listOwnAttempts(deps: EvidenceDeps, { session, outcomeId }: { session: LaunchSession; outcomeId?: string }): Promise<GradedAttempt[]> {
  const stored = await placementPlaybook(deps, session);
  const [attempts, settings] = await Promise.all([deps.attempts.listForStudent(stored.playbook.id, session.sub, outcomeId), deps.settings.get(stored.playbook.id)]);
  return attempts.map((attempt) => withGrade(attempt, attemptGrade(attempt, settings)));
}

export async function readOwnAttempt(deps: EvidenceDeps, { session, attemptId }: { session: LaunchSession; attemptId: string }): Promise<GradedAttempt> {
  const stored = await placementPlaybook(deps, session);
  const attempt = await ownAttempt(deps, { stored, session, attemptId });
  return withGrade(attempt, attemptGrade(attempt, await deps.settings.get(stored.playbook.id)));
}

export async function readOwnStanding(deps: EvidenceDeps, { session }: { session: LaunchSession }): Promise<PlacementStanding> {
  const stored = await placementPlaybook(deps, session);
  const [attempts, settings] = await Promise.all([deps.attempts.listForStudent(stored.playbook.id, session.sub), deps.settings.get(stored.playbook.id)]);
  const outcomeIds = stored.outcomes.filter((o) => o.status === 'published').map((o) => o.id);
  return placementStanding({ outcomeIds, attempts, settings });
}

function withGrade(attempt: Attempt, grade: ScaleGrade | undefined): GradedAttempt {
  return grade ? { attempt, grade } : { attempt };
}
