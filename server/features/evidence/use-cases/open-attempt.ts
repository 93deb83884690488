// Finds or starts the attempt a student's new evidence goes into: the open draft, or a new attempt after a graded one.
import { newId } from '../../../store/ids';
import { AlreadyExistsError } from '../../../store/store-errors';
import type { PlacementKey } from '../../playbooks/index';
import { ConflictError } from '../../../errors';
import { WAITING_STATUSES, type Attempt, type EvidenceItem } from './attempt';
import type { EvidenceDeps } from '../deps';

export interface AttemptKey {
  playbookId: string;
  placement: PlacementKey;
  outcomeId: string;
  studentId: string;
}

/** Where evidence would go: an existing draft, or the id and number of a new attempt. */
export interface AttemptPlan {
  id: string;
  number: number;
  existing: boolean;
}

/** Refuses while an earlier attempt waits for grading: a resubmission answers a grade, it does not race it. */
export async function planAttempt(deps: Pick<EvidenceDeps, 'attempts'>, key: AttemptKey): Promise<AttemptPlan> {
  const latest = await deps.attempts.latest(key.playbookId, key.studentId, key.outcomeId);
  if (latest?.status === 'draft') return { id: latest.id, number: latest.number, existing: true };
  if (latest && WAITING_STATUSES.includes(latest.status)) {
    throw new ConflictError('attempt_awaiting_grading', 'Your previous attempt is waiting to be graded; you can hand in again once it is.', {
      attemptId: latest.id,
    });
  }
  return { id: newId(), number: (latest?.number ?? 0) + 1, existing: false };
}

/** Adds the item to the planned attempt; a concurrent start of the same attempt number is resolved by joining it. */
export async function addToAttempt(deps: Pick<EvidenceDeps, 'attempts' | 'now'>, key: AttemptKey, plan: AttemptPlan, item: EvidenceItem): Promise<Attempt> {
  const now = deps.now();
  if (plan.existing) {
    const updated = await deps.attempts.addItem(plan.id, item, now);
    if (updated) return updated;
    throw new ConflictError('attempt_not_draft', 'This attempt was handed in already; start a new one after it is graded.');
  }
  try {
    return await deps.attempts.create({ ...key, id: plan.id, number: plan.number, status: 'draft', items: [item], version: 1, createdAt: now, updatedAt: now });
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
    const again = await planAttempt(deps, key);
    if (!again.existing) throw error;
    return addToAttempt(deps, key, again, item);
  }
}
