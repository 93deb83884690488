// GET /api/coach/sessions: every session of the playbook with the signed-up students this person may see, and their attendance mark.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

const attendeeSchema = z.object({
  studentId: z.string(),
  name: z.nullable(z.string()),
  attended: z.nullable(z.boolean()),
  markedBy: z.optional(z.string()),
  markedAt: z.optional(z.string()),
});

const sessionSchema = z.object({
  activityId: z.string(),
  sessionId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.nullable(z.string()),
  place: z.string(),
  capacity: z.number(),
  started: z.boolean(),
  attendees: z.array(attendeeSchema),
});

export const sessionsSchema = z.object({ sessions: z.array(sessionSchema) });
export const attendeeAnswerSchema = attendeeSchema;

export type AttendanceSession = z.infer<typeof sessionSchema>;

export const sessionsKey = ['coach', 'sessions'] as const;

export const getSessions = () => apiRequest('/api/coach/sessions', sessionsSchema);

export function useSessionsQuery() {
  return useQuery({ queryKey: sessionsKey, queryFn: getSessions });
}
