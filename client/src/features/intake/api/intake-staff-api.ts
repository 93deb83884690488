// What staff read of the intake (server/features/intake/README.md): the class's starting position (counts only, no
// names) and one student's intake, for the class overview and the coach's view of one student.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { intakeSchema } from './intake-api';

const classStartSchema = z.object({
  students: z.number(),
  submitted: z.number(),
  points: z.array(
    z.object({
      outcomeId: z.string(),
      indicatorId: z.optional(z.string()),
      title: z.string(),
      levels: z.array(z.object({ rank: z.number(), label: z.string() })),
      targetRank: z.number(),
      counts: z.array(z.number()),
      unknown: z.number(),
    }),
  ),
});

export type ClassStart = z.infer<typeof classStartSchema>;

export function useClassStartQuery() {
  return useQuery({ queryKey: ['intake', 'class-start'], queryFn: () => apiRequest('/api/intake/class-start', classStartSchema), retry: false });
}

export const studentIntakeSchema = z.object({
  ...intakeSchema.shape,
  // The whole response, as the student gave it; the profile is what the coach reads here.
  student: z.object({ id: z.string(), name: z.string() }),
  /** What this person may do with it: a teacher reviews tasks and reopens; a coach or assistant reads. */
  can: z.object({ review: z.boolean(), reopen: z.boolean() }),
});

export type StudentIntake = z.infer<typeof studentIntakeSchema>;

export function useStudentIntakeQuery(studentId: string) {
  return useQuery({ queryKey: ['intake', 'student', studentId], queryFn: () => apiRequest(`/api/intake/students/${encodeURIComponent(studentId)}`, studentIntakeSchema), retry: false });
}
