// GET /api/class/overview: every student's progress, who stalled or never started, and the class's 3-3-5 coverage.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS } from '../../../lib/domain';

export { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS };
export type { ActivityType, Environment, LearningForm } from '../../../lib/domain';

const routeProgressSchema = z.object({
  done: z.number(),
  total: z.number(),
  inProgress: z.number(),
  skipped: z.number(),
  studyLoadDoneHours: z.number(),
  studyLoadTotalHours: z.number(),
  fraction: z.number(),
});

const studentOverviewSchema = z.object({
  id: z.string(),
  name: z.nullable(z.string()),
  hasLaunched: z.boolean(),
  routeStatus: z.nullable(z.enum(['draft', 'submitted', 'approved', 'returned'])),
  progress: z.nullable(routeProgressSchema),
  perType: z.nullable(z.record(z.enum(ACTIVITY_TYPES), z.number())),
  lastProgressAt: z.nullable(z.string()),
  stalled: z.boolean(),
  neverStarted: z.boolean(),
});

export const classOverviewSchema = z.object({
  playbook: z.object({ id: z.string(), title: z.string(), status: z.string() }),
  stalledDays: z.number(),
  students: z.array(studentOverviewSchema),
  stalled: z.array(z.string()),
  neverStarted: z.array(z.string()),
  grid: z.object({
    count: z.number(),
    cells: z.array(z.object({ environment: z.enum(ENVIRONMENTS), form: z.enum(LEARNING_FORMS), count: z.number(), studyLoadHours: z.number() })),
  }),
  popularity: z.array(
    z.object({
      activityId: z.string(),
      title: z.string(),
      environment: z.enum(ENVIRONMENTS),
      form: z.enum(LEARNING_FORMS),
      type: z.enum(ACTIVITY_TYPES),
      chosenBy: z.number(),
      done: z.number(),
    }),
  ),
  neverChosen: z.array(z.string()),
});

export type RouteProgress = z.infer<typeof routeProgressSchema>;
export type StudentOverview = z.infer<typeof studentOverviewSchema>;
export type ClassOverviewData = z.infer<typeof classOverviewSchema>;

/** Everything under this key is the class overview, whatever the stall threshold: a review decision invalidates all of it. */
export const classOverviewKey = ['class-overview'] as const;

export const getClassOverview = (stalledDays: number) => apiRequest(`/api/class/overview?stalledDays=${stalledDays}`, classOverviewSchema);

export function useClassOverviewQuery(stalledDays: number) {
  // Another threshold keeps the class on screen while the new answer comes, instead of a loading line.
  return useQuery({ queryKey: [...classOverviewKey, stalledDays], queryFn: () => getClassOverview(stalledDays), placeholderData: keepPreviousData });
}
