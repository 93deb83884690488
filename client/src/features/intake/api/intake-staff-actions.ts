// The teacher's two actions on one student's intake (server/features/intake/README.md): review a diagnostic answer
// (POST …/diagnostics/:outcomeId/review) and reopen a submitted intake (POST …/reopen). Both answer the student's intake.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { studentIntakeSchema, type StudentIntake } from './intake-staff-api';

const base = (studentId: string) => `/api/intake/students/${encodeURIComponent(studentId)}`;

/** Every answer replaces the student's intake on screen; the class's counts are read again. */
function useStudentIntakeMutation<T>(studentId: string, call: (input: T) => Promise<StudentIntake>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (answer) => {
      queryClient.setQueryData(['intake', 'student', studentId], answer);
      void queryClient.invalidateQueries({ queryKey: ['intake', 'class-start'] });
    },
    // A stale version: read the intake again, so the next try works on what the student has now.
    onError: () => queryClient.invalidateQueries({ queryKey: ['intake', 'student', studentId] }),
  });
}

export interface ReviewInput {
  outcomeId: string;
  version: number;
  comment: string;
  rank?: number;
}

export const useReviewDiagnostic = (studentId: string) =>
  useStudentIntakeMutation(studentId, ({ outcomeId, ...body }: ReviewInput) =>
    apiRequest(`${base(studentId)}/diagnostics/${encodeURIComponent(outcomeId)}/review`, studentIntakeSchema, { method: 'POST', body }),
  );

export const useReopenIntake = (studentId: string) =>
  useStudentIntakeMutation(studentId, (body: { version: number; reason?: string }) => apiRequest(`${base(studentId)}/reopen`, studentIntakeSchema, { method: 'POST', body }));
