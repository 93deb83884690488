// GET /api/route/sessions: every session of the synchronous activities, with seats left.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { sessionOfferSchema } from './schemas';

const sessionsSchema = z.object({ sessions: z.array(sessionOfferSchema) });

export const listSessions = () => apiRequest('/api/route/sessions', sessionsSchema);

export function useSessionsQuery() {
  return useQuery({ queryKey: ['student', 'sessions'], queryFn: listSessions });
}
