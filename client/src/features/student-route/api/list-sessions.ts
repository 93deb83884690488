// GET /api/route/sessions: every session of the synchronous activities, with seats left.
import { apiFetch } from '../../../lib/api-client';
import type { SessionOffer } from './types';

export const listSessions = () => apiFetch<{ sessions: SessionOffer[] }>('/api/route/sessions');
