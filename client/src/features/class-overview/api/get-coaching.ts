// GET /api/coach/assignments (teachers): who may coach (staff of the class list), the students, and who coaches whom.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

const personSchema = z.object({ id: z.string(), name: z.nullable(z.string()) });

export const coachingSchema = z.object({
  staff: z.array(z.extend(personSchema, { roles: z.array(z.string()) })),
  students: z.array(personSchema),
  assignments: z.array(z.object({ coachId: z.string(), studentId: z.string() })),
});

export type CoachingPerson = z.infer<typeof personSchema>;
export type Coaching = z.infer<typeof coachingSchema>;

export const coachingQueryKey = ['coaching'] as const;

export const getCoaching = () => apiRequest('/api/coach/assignments', coachingSchema);

export function useCoachingQuery() {
  return useQuery({ queryKey: coachingQueryKey, queryFn: getCoaching });
}
