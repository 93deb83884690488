// The teacher's intake design (GET/PUT /api/intake/design): which outcomes and indicators students place themselves on,
// and an optional short task per outcome. Version 0 means the placement has no intake yet.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

const designSchema = z.object({
  version: z.number(),
  outcomes: z.array(z.object({ outcomeId: z.string(), indicators: z.array(z.object({ id: z.string() })), diagnosticTask: z.nullable(z.object({ prompt: z.string() })) })),
  available: z.array(z.object({ outcomeId: z.string(), title: z.string(), indicators: z.array(z.object({ id: z.string(), text: z.string() })), hasLevels: z.boolean() })),
});

export type StaffDesign = z.infer<typeof designSchema>;
export interface DesignInput {
  version: number;
  outcomes: { outcomeId: string; indicatorIds: string[]; diagnosticTask?: { prompt: string } }[];
}

const designKey = ['intake', 'design'] as const;

export const useDesignQuery = () => useQuery({ queryKey: designKey, queryFn: () => apiRequest('/api/intake/design', designSchema) });

export function useSaveDesign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DesignInput) => apiRequest('/api/intake/design', designSchema, { method: 'PUT', body: input }),
    onSuccess: (design) => {
      queryClient.setQueryData(designKey, design);
      // Screens that read outcome titles from the design (pairs, groups) read it again.
      void queryClient.invalidateQueries({ queryKey: ['project-groups'] });
      void queryClient.invalidateQueries({ queryKey: ['peers'] });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: designKey }),
  });
}
