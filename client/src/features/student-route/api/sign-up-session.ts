// POST /api/route/sessions/:activityId/:sessionId: take a seat; 409 session_full when none is left.
import { apiFetch } from '../../../lib/api-client';

export const signUpForSession = (activityId: string, sessionId: string) =>
  apiFetch<{ status: string; seatsLeft: number }>(`/api/route/sessions/${encodeURIComponent(activityId)}/${encodeURIComponent(sessionId)}`, { method: 'POST' });
