// POST /api/grades/deliveries/:id/retry: a failed grade goes back into the outbox.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { deliveriesKey, deliverySchema } from './get-deliveries';

export const retryDelivery = (deliveryId: string) =>
  apiRequest(`/api/grades/deliveries/${encodeURIComponent(deliveryId)}/retry`, z.object({ delivery: deliverySchema }), { method: 'POST' });

/** The list reads again after a retry: the retried grade is waiting now, so it polls until it settles. */
export function useRetryDeliveryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => retryDelivery(deliveryId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveriesKey }),
  });
}
