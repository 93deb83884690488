// GET /api/course/roster: the class list, so the grading views can name students instead of showing LMS ids.
import { apiFetch } from '../../../lib/api-client';

export interface RosterMember {
  id: string;
  name: string | null;
  email: string | null;
}

export const getRoster = () => apiFetch<{ members: RosterMember[] }>('/api/course/roster');
