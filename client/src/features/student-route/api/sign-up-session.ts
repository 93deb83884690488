// POST /api/route/sessions/:activityId/:sessionId: take a seat; 409 session_full when none is left.
import { apiRequest } from '../../../lib/api-client';
import { seatAnswerSchema } from './schemas';

export const signUpForSession = (activityId: string, sessionId: string) =>
  apiRequest(`/api/route/sessions/${encodeURIComponent(activityId)}/${encodeURIComponent(sessionId)}`, seatAnswerSchema, { method: 'POST' });
