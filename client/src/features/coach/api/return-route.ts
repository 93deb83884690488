// POST /api/coach/routes/:studentId/return: the route goes back to the student with the coach's comment.
import { apiFetch } from '../../../lib/api-client';
import type { OpenRoute } from './get-student-route';

export const returnRoute = (studentId: string, version: number, comment: string) =>
  apiFetch<OpenRoute>(`/api/coach/routes/${encodeURIComponent(studentId)}/return`, { method: 'POST', body: { version, comment } });
