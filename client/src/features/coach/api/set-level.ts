// PUT /api/coach/routes/:studentId/level: this student's self-direction level, or null for the playbook's.
import { apiRequest } from '../../../lib/api-client';
import { openRouteSchema } from './get-student-route';
import type { Level } from './get-students';

export const setStudentLevel = (studentId: string, version: number, level: Level | null) =>
  apiRequest(`/api/coach/routes/${encodeURIComponent(studentId)}/level`, openRouteSchema, { method: 'PUT', body: { version, level } });
