// POST /api/assessment/attempts/:id/grade: the teacher's level (and comment) per criterion, and an overall comment.
import { apiFetch } from '../../../lib/api-client';
import type { Attempt, Judgement } from './get-attempt';

export interface GradeBody {
  judgements: Judgement[];
  comment?: string;
}

export const gradeAttempt = (attemptId: string, body: GradeBody) =>
  apiFetch<{ attempt: Attempt }>(`/api/assessment/attempts/${encodeURIComponent(attemptId)}/grade`, { method: 'POST', body });
