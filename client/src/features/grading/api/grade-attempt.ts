// POST /api/assessment/attempts/:id/grade: the teacher's level (and comment) per criterion, and an overall comment.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { attemptSchema, type Judgement } from './get-attempt';

export interface GradeBody {
  judgements: Judgement[];
  comment?: string;
}

export const gradeAttempt = (attemptId: string, body: GradeBody) =>
  apiRequest(`/api/assessment/attempts/${encodeURIComponent(attemptId)}/grade`, z.object({ attempt: attemptSchema }), { method: 'POST', body });
