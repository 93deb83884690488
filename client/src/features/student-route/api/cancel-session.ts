// DELETE /api/route/sessions/:activityId/:sessionId: give the seat back.
import { apiFetch } from '../../../lib/api-client';

export const cancelSession = (activityId: string, sessionId: string) =>
  apiFetch<{ status: string; seatsLeft: number }>(`/api/route/sessions/${encodeURIComponent(activityId)}/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });
