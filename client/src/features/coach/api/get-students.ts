// GET /api/coach/students: the coach's students, each with their route's status, progress and level when they have one.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

export const routeStatusSchema = z.enum(['draft', 'submitted', 'approved', 'returned']);
export const levelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const routeProgressSchema = z.object({ done: z.number(), total: z.number(), inProgress: z.number(), skipped: z.number(), fraction: z.number() });

export const levelViewSchema = z.object({ effective: levelSchema, playbook: levelSchema, override: z.nullable(levelSchema) });

const coachStudentSchema = z.object({
  id: z.string(),
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  hasLaunched: z.boolean(),
  lastLaunchAt: z.nullable(z.string()),
  route: z.nullable(z.object({ status: routeStatusSchema, version: z.number(), progress: routeProgressSchema, level: levelViewSchema })),
});

export const coachStudentsSchema = z.object({
  playbook: z.object({ id: z.string(), title: z.string(), status: z.string() }),
  scope: z.enum(['mentees', 'course']),
  students: z.array(coachStudentSchema),
});

export type RouteStatus = z.infer<typeof routeStatusSchema>;
export type Level = z.infer<typeof levelSchema>;
export type RouteProgress = z.infer<typeof routeProgressSchema>;
export type LevelView = z.infer<typeof levelViewSchema>;
export type CoachStudent = z.infer<typeof coachStudentSchema>;
export type CoachStudents = z.infer<typeof coachStudentsSchema>;

export const coachStudentsKey = ['coach', 'students'] as const;

export const getCoachStudents = () => apiRequest('/api/coach/students', coachStudentsSchema);

export function useCoachStudentsQuery() {
  return useQuery({ queryKey: coachStudentsKey, queryFn: getCoachStudents });
}
