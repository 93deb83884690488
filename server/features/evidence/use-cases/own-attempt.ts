// A student's own attempt in this placement; anyone else's, or another placement's, is simply not found.
import { NotFoundError } from '../../../errors';
import type { LaunchSession } from '../../../lti/session-token';
import type { StoredPlaybook } from '../../playbooks/index';
import type { Attempt } from './attempt';
import type { EvidenceDeps } from '../deps';

export async function ownAttempt(
  deps: Pick<EvidenceDeps, 'attempts'>,
  { stored, session, attemptId }: { stored: StoredPlaybook; session: LaunchSession; attemptId: string },
): Promise<Attempt> {
  const attempt = await deps.attempts.get(attemptId);
  if (!attempt || attempt.playbookId !== stored.playbook.id || attempt.studentId !== session.sub) throw new NotFoundError('Attempt not found.');
  return attempt;
}
