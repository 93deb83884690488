// POST /api/coach/routes/:studentId/return: the route goes back to the student with the coach's comment.
import { apiRequest } from '../../../lib/api-client';
import { openRouteSchema } from './get-student-route';

export const returnRoute = (studentId: string, version: number, comment: string) =>
  apiRequest(`/api/coach/routes/${encodeURIComponent(studentId)}/return`, openRouteSchema, { method: 'POST', body: { version, comment } });
