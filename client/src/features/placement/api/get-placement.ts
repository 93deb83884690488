// GET /api/placement: the playbook this link opens, if the teacher has set one up.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

export const placementPlaybookSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'published']),
  outcomeCount: z.number(),
});
export const placementSchema = z.object({ playbook: z.nullable(placementPlaybookSchema) });

export type PlacementPlaybook = z.infer<typeof placementPlaybookSchema>;

export const placementQueryKey = ['placement'] as const;

export const getPlacement = () => apiRequest('/api/placement', placementSchema);

export function usePlacementQuery() {
  return useQuery({ queryKey: placementQueryKey, queryFn: getPlacement });
}
