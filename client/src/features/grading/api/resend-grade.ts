// POST /api/grades/gradebook/:id/resend: the student's current grade goes to the LMS gradebook again.
import { apiFetch } from '../../../lib/api-client';
import type { Delivery } from './get-deliveries';

export const resendGrade = (id: string) => apiFetch<{ delivery: Delivery }>(`/api/grades/gradebook/${encodeURIComponent(id)}/resend`, { method: 'POST' });
