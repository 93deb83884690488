// GET /api/playbook/history: publications, unpublications and confirmed changes to criteria students saw, newest first.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

export const historyEntrySchema = z.object({
  at: z.string(),
  by: z.object({ id: z.string(), name: z.optional(z.string()) }),
  action: z.enum(['published', 'unpublished', 'outcome_changed', 'outcome_deleted']),
  outcomeId: z.optional(z.string()),
  outcomeTitle: z.optional(z.string()),
  changes: z.array(z.string()),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const historySchema = z.object({ history: z.array(historyEntrySchema) });

export const getHistory = () => apiRequest('/api/playbook/history', historySchema);

/** Read again with every revision: each recorded change is a save. */
export function useHistoryQuery(revision: number) {
  return useQuery({ queryKey: ['playbook-designer', 'history', revision], queryFn: getHistory, placeholderData: keepPreviousData });
}
