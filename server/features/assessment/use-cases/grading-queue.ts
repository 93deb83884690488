// Use case: the teacher's grading queue: what waits in this placement, for how long, optionally for some outcomes only.
import { buildGradingQueue, type QueuedEvidence } from '../../../domain/grading/index';
import type { LaunchSession } from '../../../lti/session-token';
import { WAITING_STATUSES, isPriorLearningClaim, type AttemptStatus } from '../../evidence/index';
import type { EvidenceDeps } from '../../evidence/index';
import { placementPlaybook } from '../../evidence/index';

export interface QueueItem extends QueuedEvidence {
  attemptNumber: number;
  status: AttemptStatus;
  priorLearning: boolean;
  /** Assessors who decided already: they cannot be the next one. */
  assessorIds: string[];
}

export interface GradingQueueView {
  items: QueueItem[];
  perOutcome: Array<{ outcomeId: string; title: string; count: number; longestWaitingMs: number }>;
}

export async function listGradingQueue(deps: EvidenceDeps, props: { session: LaunchSession; outcomeIds?: string[] }): Promise<GradingQueueView> {
  const stored = await placementPlaybook(deps, props.session);
  const waiting = await deps.attempts.listByStatus(stored.playbook.id, WAITING_STATUSES);
  const byId = new Map(waiting.map((a) => [a.id, a]));
  const queue = buildGradingQueue({
    items: waiting.map((a) => ({ evidenceId: a.id, studentId: a.studentId, outcomeId: a.outcomeId, handedInAt: (a.submittedAt ?? a.updatedAt).toISOString() })),
    now: deps.now(),
    ...(props.outcomeIds ? { outcomeIds: props.outcomeIds } : {}),
  });
  const titles = new Map(stored.outcomes.map((o) => [o.id, o.title]));
  return {
    items: queue.items.flatMap((item) => {
      const attempt = byId.get(item.evidenceId);
      if (!attempt) return [];
      const assessorIds = attempt.fourEyes?.decisions.map((d) => d.assessorId) ?? [];
      return [{ ...item, attemptNumber: attempt.number, status: attempt.status, priorLearning: isPriorLearningClaim(attempt), assessorIds }];
    }),
    perOutcome: queue.perOutcome.map((o) => ({ ...o, title: titles.get(o.outcomeId) ?? '' })),
  };
}
