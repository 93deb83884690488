// POST /api/assessment/attempts/:id/decisions: another assessor's pass or fail on a prior-learning claim.
import { apiFetch } from '../../../lib/api-client';
import type { Attempt } from './get-attempt';

export const decideClaim = (attemptId: string, body: { verdict: 'pass' | 'fail'; comment?: string }) =>
  apiFetch<{ attempt: Attempt }>(`/api/assessment/attempts/${encodeURIComponent(attemptId)}/decisions`, { method: 'POST', body });
