// GET /api/assessment/queue: the attempts that wait for a teacher in this placement, longest waiting first.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

export const attemptStatusSchema = z.enum(['draft', 'submitted', 'awaiting-second-assessor', 'disputed', 'graded']);

const queueItemSchema = z.object({
  evidenceId: z.string(),
  studentId: z.string(),
  outcomeId: z.string(),
  handedInAt: z.string(),
  waitingMs: z.number(),
  waitingDays: z.number(),
  attemptNumber: z.number(),
  status: attemptStatusSchema,
  priorLearning: z.boolean(),
  assessorIds: z.array(z.string()),
});

const gradingQueueSchema = z.object({
  items: z.array(queueItemSchema),
  perOutcome: z.array(z.object({ outcomeId: z.string(), title: z.string(), count: z.number(), longestWaitingMs: z.number() })),
});

export type AttemptStatus = z.infer<typeof attemptStatusSchema>;
export type QueueItem = z.infer<typeof queueItemSchema>;
export type GradingQueue = z.infer<typeof gradingQueueSchema>;

export const gradingQueueKey = ['grading', 'queue'] as const;

/** The whole queue: filtering by outcome happens in the view, so the outcome choice never loses its options. */
export const getGradingQueue = () => apiRequest('/api/assessment/queue', gradingQueueSchema);

export function useGradingQueueQuery() {
  return useQuery({ queryKey: gradingQueueKey, queryFn: getGradingQueue });
}
