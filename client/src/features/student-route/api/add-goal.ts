// POST /api/route/goals: a personal learning goal (level 3 and up).
import { apiFetch } from '../../../lib/api-client';
import type { RouteView } from './types';

export const addGoal = (version: number, text: string) => apiFetch<RouteView>('/api/route/goals', { method: 'POST', body: { version, text } });
