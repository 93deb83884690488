// GET /api/grades/gradebook: per student, the grade Playroute believes the LMS gradebook holds, and whether the LMS agrees.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { DELIVERY_STATES, lineItemSchema } from './get-deliveries';
import { maybe } from './maybe';

// Shape: server/features/grades/use-cases/gradebook-status.ts (GradebookRow), dates as ISO strings.
export const gradebookRowSchema = z.object({
  /** The grade's delivery: what a resend names. */
  id: z.string(),
  userId: z.string(),
  lineItem: lineItemSchema,
  believed: maybe(z.object({ scoreGiven: z.number(), scoreMaximum: z.number(), sentAt: maybe(z.string()) })),
  pending: maybe(z.object({ scoreGiven: z.number(), scoreMaximum: z.number(), state: z.enum(DELIVERY_STATES), reason: maybe(z.string()) })),
  lms: maybe(z.object({ resultScore: maybe(z.number()), resultMaximum: maybe(z.number()) })),
  check: z.enum(['agrees', 'differs', 'unchecked']),
  reason: maybe(z.string()),
});

const gradebookSchema = z.object({ rows: z.array(gradebookRowSchema) });

export type GradebookRow = z.infer<typeof gradebookRowSchema>;
export type GradebookCheck = GradebookRow['check'];

export const gradebookKey = ['grading', 'gradebook'] as const;

export const getGradebook = () => apiRequest('/api/grades/gradebook', gradebookSchema);

/** Each read asks the LMS (AGS results), so it never polls: it reads on opening and when the teacher or a grading asks. */
export function useGradebookQuery() {
  return useQuery({ queryKey: gradebookKey, queryFn: getGradebook, select: (answer) => answer.rows });
}
