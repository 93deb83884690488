// DELETE /api/route/sessions/:activityId/:sessionId: give the seat back.
import { apiRequest } from '../../../lib/api-client';
import { seatAnswerSchema } from './schemas';

export const cancelSession = (activityId: string, sessionId: string) =>
  apiRequest(`/api/route/sessions/${encodeURIComponent(activityId)}/${encodeURIComponent(sessionId)}`, seatAnswerSchema, { method: 'DELETE' });
