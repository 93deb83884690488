// POST /api/coach/assignments and …/remove: a teacher assigns a coach to one or more students, or takes them off.
import { apiFetch } from '../../../lib/api-client';
import type { Coaching } from './get-coaching';

export interface CoachChoice {
  coachId: string;
  studentIds: string[];
}

export const assignCoach = (choice: CoachChoice) => apiFetch<Coaching>('/api/coach/assignments', { method: 'POST', body: choice });
export const unassignCoach = (choice: CoachChoice) => apiFetch<Coaching>('/api/coach/assignments/remove', { method: 'POST', body: choice });
