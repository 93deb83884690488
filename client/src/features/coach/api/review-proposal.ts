// POST /api/coach/routes/:studentId/proposals/:ownActivityId: approve or reject a student's own activity, with an optional comment.
import { apiRequest } from '../../../lib/api-client';
import { openRouteSchema } from './get-student-route';

export const reviewProposal = (studentId: string, ownActivityId: string, version: number, decision: 'approved' | 'rejected', comment: string) =>
  apiRequest(`/api/coach/routes/${encodeURIComponent(studentId)}/proposals/${encodeURIComponent(ownActivityId)}`, openRouteSchema, {
    method: 'POST',
    body: { version, decision, ...(comment ? { comment } : {}) },
  });
