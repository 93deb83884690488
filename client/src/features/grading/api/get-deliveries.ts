// GET /api/grades/deliveries: every grade of this placement on its way to the LMS gradebook, and what became of it.
import { apiFetch } from '../../../lib/api-client';

export type DeliveryState = 'waiting' | 'sending' | 'sent' | 'failed' | 'superseded';

export interface Delivery {
  id: string;
  userId: string;
  lineItem: { label?: string; resourceId?: string; tag?: string; url?: string };
  scoreGiven?: number;
  scoreMaximum?: number;
  gradingProgress: string;
  state: DeliveryState;
  attempts: number;
  reason?: string;
  nextAttemptAt?: string;
  sentAt?: string;
  createdAt: string;
  updatedAt: string;
}

export const getDeliveries = () => apiFetch<{ deliveries: Delivery[] }>('/api/grades/deliveries');
