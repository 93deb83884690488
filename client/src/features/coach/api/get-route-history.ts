// GET /api/coach/routes/:studentId/history: every change to a student's route, who made it and when, oldest first.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

const strings = z.array(z.string());

// The change kinds of the domain's route history; a kind this client does not know yet still shows with its date and author.
const changeSchema = z.object({
  kind: z.string(),
  activityIds: z.optional(strings),
  added: z.optional(strings),
  removed: z.optional(strings),
  reordered: z.optional(z.boolean()),
  from: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  to: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  comment: z.optional(z.string()),
  activityId: z.optional(z.string()),
  text: z.optional(z.string()),
  title: z.optional(z.string()),
  decision: z.optional(z.string()),
});

const entrySchema = z.object({ at: z.string(), actorId: z.string(), actorRole: z.string(), version: z.number(), change: changeSchema });
const historySchema = z.object({ history: z.array(entrySchema) });

export type RouteHistoryEntry = z.infer<typeof entrySchema>;

export const getRouteHistory = (studentId: string) => apiRequest(`/api/coach/routes/${encodeURIComponent(studentId)}/history`, historySchema);

export function useRouteHistoryQuery(studentId: string, enabled: boolean) {
  return useQuery({ queryKey: ['coach', 'route-history', studentId], queryFn: () => getRouteHistory(studentId), enabled });
}
