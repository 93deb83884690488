// POST /api/evidence/attempts/:id/submit: hand in; 409 outside_assessment_window or self_assessment_required.
import { apiRequest } from '../../../lib/api-client';
import { attemptAnswerSchema } from './schemas';

export const submitAttempt = (attemptId: string) =>
  apiRequest(`/api/evidence/attempts/${encodeURIComponent(attemptId)}/submit`, attemptAnswerSchema, { method: 'POST' });
