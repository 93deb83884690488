// POST /api/grades/deliveries/:id/retry: a failed grade goes back into the outbox.
import { apiFetch } from '../../../lib/api-client';
import type { Delivery } from './get-deliveries';

export const retryDelivery = (deliveryId: string) =>
  apiFetch<{ delivery: Delivery }>(`/api/grades/deliveries/${encodeURIComponent(deliveryId)}/retry`, { method: 'POST' });
