// POST /api/coach/routes/:studentId/proposals/:ownActivityId: approve or reject a student's own activity, with an optional comment.
import { apiFetch } from '../../../lib/api-client';
import type { OpenRoute } from './get-student-route';

export const reviewProposal = (studentId: string, ownActivityId: string, version: number, decision: 'approved' | 'rejected', comment: string) =>
  apiFetch<OpenRoute>(`/api/coach/routes/${encodeURIComponent(studentId)}/proposals/${encodeURIComponent(ownActivityId)}`, {
    method: 'POST',
    body: { version, decision, ...(comment ? { comment } : {}) },
  });
