// GET /api/assessment/queue: the attempts that wait for a teacher in this placement, longest waiting first.
import { apiFetch } from '../../../lib/api-client';

export type AttemptStatus = 'draft' | 'submitted' | 'awaiting-second-assessor' | 'disputed' | 'graded';

export interface QueueItem {
  evidenceId: string;
  studentId: string;
  outcomeId: string;
  handedInAt: string;
  waitingMs: number;
  waitingDays: number;
  attemptNumber: number;
  status: AttemptStatus;
  priorLearning: boolean;
  assessorIds: string[];
}

export interface GradingQueue {
  items: QueueItem[];
  perOutcome: { outcomeId: string; title: string; count: number; longestWaitingMs: number }[];
}

/** The whole queue: filtering by outcome happens in the view, so the outcome choice never loses its options. */
export const getGradingQueue = () => apiFetch<GradingQueue>('/api/assessment/queue');
