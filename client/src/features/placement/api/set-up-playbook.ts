// POST /api/placement/playbook: a teacher starts an empty playbook for a link that has none.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { placementPlaybookSchema, placementQueryKey } from './get-placement';

const setUpAnswer = z.object({ playbook: placementPlaybookSchema });

export const setUpPlaybook = (title: string) => apiRequest('/api/placement/playbook', setUpAnswer, { method: 'POST', body: { title } });

/** The placement now has a playbook: read it again, so the teacher's workspace opens. */
export function useSetUpPlaybookMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setUpPlaybook,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placementQueryKey }),
  });
}
