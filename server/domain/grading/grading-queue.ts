// Evidence waiting to be graded: filtered by outcome, oldest first, with how long each has waited.

import { GradingError } from './errors';

export interface WaitingEvidence {
  evidenceId: string;
  studentId: string;
  outcomeId: string;
  /** ISO 8601 time the student handed the evidence in. */
  handedInAt: string;
}

export interface QueuedEvidence extends WaitingEvidence {
  waitingMs: number;
  /** Whole days waited, rounded down: "waiting 3 days" is what a teacher reads. */
  waitingDays: number;
}

export interface GradingQueue {
  items: QueuedEvidence[];
  /** Per outcome that has waiting evidence: how many and the longest wait. */
  perOutcome: Array<{ outcomeId: string; count: number; longestWaitingMs: number }>;
}

export interface BuildGradingQueueProps {
  items: WaitingEvidence[];
  now: Date;
  /** Only these outcomes; all when absent. */
  outcomeIds?: string[];
  /** Oldest first by default: first in, first graded. */
  order?: 'oldest-first' | 'newest-first';
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function buildGradingQueue({ items, now, outcomeIds, order = 'oldest-first' }: BuildGradingQueueProps): GradingQueue {
  const wanted = outcomeIds ? new Set(outcomeIds) : undefined;
  const queued = items
    .filter((item) => !wanted || wanted.has(item.outcomeId))
    .map((item): QueuedEvidence => {
      const handedIn = Date.parse(item.handedInAt);
      if (Number.isNaN(handedIn)) {
        throw new GradingError('invalid_input', `Evidence ${item.evidenceId} has no valid handedInAt.`);
      }
      // A clock slightly behind the store must not show negative waiting.
      const waitingMs = Math.max(0, now.getTime() - handedIn);
      return { ...item, waitingMs, waitingDays: Math.floor(waitingMs / DAY_MS) };
    })
    // Ties broken by evidence id so the list does not reshuffle between page loads.
    .sort((a, b) => b.waitingMs - a.waitingMs || a.evidenceId.localeCompare(b.evidenceId));
  if (order === 'newest-first') queued.reverse();

  const perOutcome = new Map<string, { outcomeId: string; count: number; longestWaitingMs: number }>();
  for (const item of queued) {
    const entry = perOutcome.get(item.outcomeId) ?? { outcomeId: item.outcomeId, count: 0, longestWaitingMs: 0 };
    entry.count += 1;
    entry.longestWaitingMs = Math.max(entry.longestWaitingMs, item.waitingMs);
    perOutcome.set(item.outcomeId, entry);
  }
  return { items: queued, perOutcome: [...perOutcome.values()].sort((a, b) => b.longestWaitingMs - a.longestWaitingMs) };
}
