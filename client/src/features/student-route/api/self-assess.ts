// PUT /api/evidence/attempts/:id/self-assessment: the student's own judgement per criterion (level 3 and up).
import { apiRequest } from '../../../lib/api-client';
import { attemptAnswerSchema } from './schemas';
import type { Judgement } from './types';

export const selfAssess = (attemptId: string, judgements: Judgement[], comment?: string) =>
  apiRequest(`/api/evidence/attempts/${encodeURIComponent(attemptId)}/self-assessment`, attemptAnswerSchema, {
    method: 'PUT',
    body: comment ? { judgements, comment } : { judgements },
  });
