// An attempt of this placement for a teacher; another placement's is not found.
import { NotFoundError } from '../../../errors';
import type { Attempt } from '../../evidence/index';
import type { EvidenceDeps } from '../../evidence/index';
import type { StoredPlaybook } from '../../playbooks/index';

export async function placementAttempt(deps: Pick<EvidenceDeps, 'attempts'>, { stored, attemptId }: { stored: StoredPlaybook; attemptId: string }): Promise<Attempt> {
  const attempt = await deps.attempts.get(attemptId);
  if (!attempt || attempt.playbookId !== stored.playbook.id) throw new NotFoundError('Attempt not found.');
  return attempt;
}
