// PUT /api/coach/routes/:studentId/level: this student's self-direction level, or null for the playbook's.
import { apiFetch } from '../../../lib/api-client';
import type { OpenRoute } from './get-student-route';
import type { Level } from './get-students';

export const setStudentLevel = (studentId: string, version: number, level: Level | null) =>
  apiFetch<OpenRoute>(`/api/coach/routes/${encodeURIComponent(studentId)}/level`, { method: 'PUT', body: { version, level } });
