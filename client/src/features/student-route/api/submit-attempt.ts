// POST /api/evidence/attempts/:id/submit: hand in; 409 outside_assessment_window or self_assessment_required.
import { apiFetch } from '../../../lib/api-client';
import type { Attempt } from './types';

export const submitAttempt = (attemptId: string) =>
  apiFetch<{ attempt: Attempt }>(`/api/evidence/attempts/${encodeURIComponent(attemptId)}/submit`, { method: 'POST' });
