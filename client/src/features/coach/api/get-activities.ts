// GET /api/playbook/published: the playbook's activities, so a route's entries can be shown by title and type.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

const catalogueActivitySchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  environment: z.string(),
  form: z.string(),
  studyLoadHours: z.number(),
});

// The published playbook carries much more; the coach reads only the activities, and zod drops the rest.
const catalogueSchema = z.object({ activities: z.array(catalogueActivitySchema) });

export type CatalogueActivity = z.infer<typeof catalogueActivitySchema>;

export const getPublishedActivities = () => apiRequest('/api/playbook/published', catalogueSchema);

export function usePublishedActivitiesQuery() {
  return useQuery({ queryKey: ['coach', 'catalogue'], queryFn: getPublishedActivities });
}
