// GET /api/coach/assignments (teachers): who may coach (staff of the class list), the students, and who coaches whom.
import { apiFetch } from '../../../lib/api-client';

export interface CoachingPerson {
  id: string;
  name: string | null;
}

export interface Coaching {
  staff: (CoachingPerson & { roles: string[] })[];
  students: CoachingPerson[];
  assignments: { coachId: string; studentId: string }[];
}

export const getCoaching = () => apiFetch<Coaching>('/api/coach/assignments');
