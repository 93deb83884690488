// POST /api/coach/routes/:studentId/approve: the coach approves the route version they read.
import { apiRequest } from '../../../lib/api-client';
import { openRouteSchema } from './get-student-route';

export const approveRoute = (studentId: string, version: number) =>
  apiRequest(`/api/coach/routes/${encodeURIComponent(studentId)}/approve`, openRouteSchema, { method: 'POST', body: { version } });
