// POST /api/coach/routes/:studentId/approve: the coach approves the route version they read.
import { apiFetch } from '../../../lib/api-client';
import type { OpenRoute } from './get-student-route';

export const approveRoute = (studentId: string, version: number) =>
  apiFetch<OpenRoute>(`/api/coach/routes/${encodeURIComponent(studentId)}/approve`, { method: 'POST', body: { version } });
