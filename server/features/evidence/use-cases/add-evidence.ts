// Use case: a student adds a link, a text or a prior-learning claim to their open attempt on an outcome.
import type { LaunchSession } from '../../../lti/session-token';
import { newId } from '../../../store/ids';
import { placementKeyOf } from '../../playbooks/index';
import type { Attempt, EvidenceItem, PriorLearningClaim } from './attempt';
import type { EvidenceDeps } from '../deps';
import { addToAttempt, planAttempt } from './open-attempt';
import { placementPlaybook, publishedOutcome } from './placement-context';

export type NewEvidence =
  | { kind: 'link'; url: string; title?: string }
  | { kind: 'text'; text: string }
  | { kind: 'prior-learning'; claim: PriorLearningClaim; description: string };

export interface AddEvidenceProps {
  session: LaunchSession;
  outcomeId: string;
  evidence: NewEvidence;
}

export async function addEvidence(deps: EvidenceDeps, { session, outcomeId, evidence }: AddEvidenceProps): Promise<Attempt> {
  const stored = await placementPlaybook(deps, session);
  publishedOutcome(stored, outcomeId);
  const key = { playbookId: stored.playbook.id, placement: placementKeyOf(session), outcomeId, studentId: session.sub };
  const plan = await planAttempt(deps, key);
  const item: EvidenceItem = { ...evidence, id: newId(), addedAt: deps.now() };
  return addToAttempt(deps, key, plan, item);
}
