// POST /api/grades/gradebook/:id/resend: the student's current grade goes to the LMS gradebook again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { deliveriesKey, deliverySchema } from './get-deliveries';

export const resendGrade = (id: string) =>
  apiRequest(`/api/grades/gradebook/${encodeURIComponent(id)}/resend`, z.object({ delivery: deliverySchema }), { method: 'POST' });

/** The resend is a new delivery: the delivery list reads again (and polls while it waits); the gradebook check waits for the teacher, since it asks the LMS. */
export function useResendGradeMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => resendGrade(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveriesKey }),
  });
}
