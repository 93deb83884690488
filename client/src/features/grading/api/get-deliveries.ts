// GET /api/grades/deliveries: every grade of this placement on its way to the LMS gradebook, and what became of it.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { maybe } from './maybe';

export const DELIVERY_STATES = ['waiting', 'sending', 'sent', 'failed', 'superseded'] as const;

/** The grade column: the server writes each key, JSON drops the unknown ones (server/features/grades/use-cases/delivery-status.ts). */
export const lineItemSchema = z.object({ label: maybe(z.string()), resourceId: maybe(z.string()), tag: maybe(z.string()), url: maybe(z.string()) });

export const deliverySchema = z.object({
  id: z.string(),
  userId: z.string(),
  lineItem: lineItemSchema,
  scoreGiven: maybe(z.number()),
  scoreMaximum: maybe(z.number()),
  gradingProgress: z.string(),
  state: z.enum(DELIVERY_STATES),
  attempts: z.number(),
  reason: maybe(z.string()),
  // JSON dates arrive as ISO strings.
  nextAttemptAt: maybe(z.string()),
  sentAt: maybe(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const deliveriesSchema = z.object({ deliveries: z.array(deliverySchema) });

export type Delivery = z.infer<typeof deliverySchema>;
export type DeliveryState = Delivery['state'];

export const deliveriesKey = ['grading', 'deliveries'] as const;

export const getDeliveries = () => apiRequest('/api/grades/deliveries', deliveriesSchema);

/** How often the list reads again while a grade is still waiting or being sent. */
export const DELIVERY_POLL_MS = 1500;

const inFlight = (deliveries: Delivery[] | undefined) => deliveries?.some((d) => d.state === 'waiting' || d.state === 'sending') ?? false;

/** Polls only while some grade is on its way; once all are settled it stays quiet until asked. */
export function useDeliveriesQuery() {
  return useQuery({
    queryKey: deliveriesKey,
    queryFn: getDeliveries,
    select: (answer) => answer.deliveries,
    refetchInterval: (query) => (inFlight(query.state.data?.deliveries) ? DELIVERY_POLL_MS : false),
  });
}
