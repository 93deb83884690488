// PUT /api/evidence/attempts/:id/self-assessment: the student's own judgement per criterion (level 3 and up).
import { apiFetch } from '../../../lib/api-client';
import type { Attempt, Judgement } from './types';

export const selfAssess = (attemptId: string, judgements: Judgement[], comment?: string) =>
  apiFetch<{ attempt: Attempt }>(`/api/evidence/attempts/${encodeURIComponent(attemptId)}/self-assessment`, {
    method: 'PUT',
    body: comment ? { judgements, comment } : { judgements },
  });
