// Every designer write as one mutation: sent at the revision of the design in the cache, then the design read again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { DesignView } from './types';
import { designKey } from './get-design';

type Write = (revision: number) => Promise<{ revision: number }>;

/**
 * Returns `save(write)`: runs the write with the revision the teacher's screen shows (If-Match), and on success reads
 * the whole design again before resolving, so a form closes onto a design that already shows its work. A refusal
 * (409 stale, 422) rejects with the ApiError and reads nothing: the caller keeps its form open.
 */
export function useSaveDesignMutation() {
  const queryClient = useQueryClient();
  const { mutateAsync } = useMutation({
    mutationFn: (write: Write) => write(queryClient.getQueryData<DesignView>(designKey)?.revision ?? 0),
    // Awaited by mutateAsync; refetchQueries does not throw, a failed read shows as the design query's error.
    onSuccess: () => queryClient.refetchQueries({ queryKey: designKey, exact: true }),
  });
  return useCallback(<T extends { revision: number }>(write: (revision: number) => Promise<T>) => mutateAsync(write) as Promise<T>, [mutateAsync]);
}
