// The playbook and outcome a request is about, resolved from the launch session so nobody reaches another placement's.
import { DomainError } from '../../../domain/errors';
import type { LearningOutcome } from '../../../domain/outcome';
import { effectiveLevel, type SelfDirectionLevel } from '../../../domain/self-direction';
import { NotFoundError } from '../../../errors';
import type { LaunchSession } from '../../../lti/session-token';
import { playbookOfPlacement } from '../../placements/index';
import type { StoredPlaybook } from '../../playbooks/index';
import type { EvidenceDeps } from '../deps';

export async function placementPlaybook(deps: Pick<EvidenceDeps, 'playbooks' | 'records'>, session: LaunchSession): Promise<StoredPlaybook> {
  const stored = await playbookOfPlacement(deps, { session });
  if (!stored) throw new NotFoundError('This link has no playbook yet.');
  return stored;
}

/** A published outcome of a published playbook: criteria must be known before anyone is assessed on them. */
export function publishedOutcome(stored: StoredPlaybook, outcomeId: string): LearningOutcome {
  if (stored.playbook.status !== 'published') {
    throw new DomainError('playbook_not_published', 'The playbook is not published yet.', { playbookId: stored.playbook.id });
  }
  const outcome = stored.outcomes.find((o) => o.id === outcomeId);
  if (!outcome || outcome.status !== 'published') throw new NotFoundError('This learning outcome does not exist in this course.');
  return outcome;
}

/** The student's self-direction level: the coach's override on their route, else the playbook's. */
export async function studentLevel(deps: Pick<EvidenceDeps, 'routes'>, stored: StoredPlaybook, studentId: string): Promise<SelfDirectionLevel> {
  const route = await deps.routes.getForStudent(stored.playbook.id, studentId);
  return effectiveLevel(stored.playbook.selfDirectionLevel, route?.levelOverride);
}
