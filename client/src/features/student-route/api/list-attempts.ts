// GET /api/evidence/attempts: the student's attempts, with feedback once graded.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { attemptSchema } from './schemas';

const attemptsSchema = z.object({ attempts: z.array(attemptSchema) });

export const listAttempts = () => apiRequest('/api/evidence/attempts', attemptsSchema);

/** `version`: the route's version, so a change to the route reads the attempts again. */
export function useAttemptsQuery(version?: number) {
  return useQuery({ queryKey: ['student', 'attempts', version ?? null], queryFn: listAttempts });
}
