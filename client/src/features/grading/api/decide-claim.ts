// POST /api/assessment/attempts/:id/decisions: another assessor's pass or fail on a prior-learning claim.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { attemptSchema } from './get-attempt';

export const decideClaim = (attemptId: string, body: { verdict: 'pass' | 'fail'; comment?: string }) =>
  apiRequest(`/api/assessment/attempts/${encodeURIComponent(attemptId)}/decisions`, z.object({ attempt: attemptSchema }), { method: 'POST', body });
