// POST /api/route/goals: a personal learning goal (level 3 and up).
import { apiRequest } from '../../../lib/api-client';
import { routeViewSchema } from './schemas';

export const addGoal = (version: number, text: string) => apiRequest('/api/route/goals', routeViewSchema, { method: 'POST', body: { version, text } });
