// PUT /api/coach/sessions/:activityId/:sessionId/attendance/:studentId: present or absent; the list is read again after.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { attendeeAnswerSchema, sessionsKey } from './get-sessions';

export interface AttendanceMark {
  activityId: string;
  sessionId: string;
  studentId: string;
  attended: boolean;
}

export const markAttendance = ({ activityId, sessionId, studentId, attended }: AttendanceMark) =>
  apiRequest(
    `/api/coach/sessions/${encodeURIComponent(activityId)}/${encodeURIComponent(sessionId)}/attendance/${encodeURIComponent(studentId)}`,
    attendeeAnswerSchema,
    { method: 'PUT', body: { attended } },
  );

export function useMarkAttendance() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: markAttendance, onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }) });
}
