// GET /api/evidence/standing: the grade per outcome and the final grade.
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { standingSchema } from './schemas';

export const getStanding = () => apiRequest('/api/evidence/standing', standingSchema);

/** `version`: the route's version, so a change to the route reads the standing again. */
export function useStandingQuery(version?: number) {
  return useQuery({ queryKey: ['student', 'standing', version ?? null], queryFn: getStanding });
}
