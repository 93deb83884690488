// POST /api/coach/assignments and …/remove: a teacher assigns a coach to one or more students, or takes them off.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { coachingQueryKey, coachingSchema } from './get-coaching';

export interface CoachChoice {
  coachId: string;
  studentIds: string[];
}

export const assignCoach = (choice: CoachChoice) => apiRequest('/api/coach/assignments', coachingSchema, { method: 'POST', body: choice });
export const unassignCoach = (choice: CoachChoice) => apiRequest('/api/coach/assignments/remove', coachingSchema, { method: 'POST', body: choice });

/** The answer is the new state of every assignment: it replaces the cached one, no second read needed. */
export function useCoachAssignmentMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, choice }: { kind: 'assign' | 'unassign'; choice: CoachChoice }) => (kind === 'assign' ? assignCoach : unassignCoach)(choice),
    onSuccess: (coaching) => queryClient.setQueryData(coachingQueryKey, coaching),
  });
}
