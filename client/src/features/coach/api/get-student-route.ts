// GET /api/coach/routes/:studentId: one student's route with its level and progress (route null until they open it).
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ownActivitySchema, routeEntryStatusSchema } from '../../../lib/api-schemas';
import { levelViewSchema, routeProgressSchema, routeStatusSchema } from './get-students';

const routeEntrySchema = z.object({ activityId: z.string(), status: routeEntryStatusSchema });

const studentRouteSchema = z.object({
  id: z.string(),
  status: routeStatusSchema,
  version: z.number(),
  entries: z.array(routeEntrySchema),
  ownActivities: z.array(ownActivitySchema),
  learningGoals: z.array(z.object({ id: z.string(), text: z.string() })),
  studyPlan: z.object({ ambition: z.string() }),
  levelOverride: z.optional(z.number()),
  lastReview: z.optional(z.object({ decision: z.enum(['approved', 'returned']), by: z.string(), at: z.string(), comment: z.optional(z.string()) })),
});

/** What a coach-side change answers, too. */
export const openRouteSchema = z.object({ route: studentRouteSchema, level: levelViewSchema, progress: routeProgressSchema });

const studentRouteViewSchema = z.intersection(
  z.object({ student: z.object({ id: z.string(), name: z.nullable(z.string()) }), playbook: z.object({ id: z.string(), title: z.string() }) }),
  z.union([openRouteSchema, z.object({ route: z.null() })]),
);

export type RouteEntry = z.infer<typeof routeEntrySchema>;
export type OwnActivity = z.infer<typeof ownActivitySchema>;
export type StudentRoute = z.infer<typeof studentRouteSchema>;
export type OpenRoute = z.infer<typeof openRouteSchema>;
export type StudentRouteView = z.infer<typeof studentRouteViewSchema>;

export const studentRouteKey = (studentId: string) => ['coach', 'route', studentId] as const;

export const getStudentRoute = (studentId: string) => apiRequest(`/api/coach/routes/${encodeURIComponent(studentId)}`, studentRouteViewSchema);

export function useStudentRouteQuery(studentId: string) {
  return useQuery({ queryKey: studentRouteKey(studentId), queryFn: () => getStudentRoute(studentId) });
}
