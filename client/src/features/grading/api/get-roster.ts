// GET /api/course/roster: the class list, so the grading views can name students instead of showing LMS ids.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

const rosterMemberSchema = z.object({ id: z.string(), name: z.nullable(z.string()), email: z.nullable(z.string()) });
const rosterSchema = z.object({ members: z.array(rosterMemberSchema) });

export type RosterMember = z.infer<typeof rosterMemberSchema>;

export const getRoster = () => apiRequest('/api/course/roster', rosterSchema);

export function useRosterQuery() {
  return useQuery({ queryKey: ['grading', 'roster'], queryFn: getRoster });
}
