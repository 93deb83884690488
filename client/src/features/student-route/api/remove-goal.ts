// DELETE /api/route/goals/:goalId: drop a personal learning goal.
import { apiFetch } from '../../../lib/api-client';
import type { RouteView } from './types';

export const removeGoal = (version: number, goalId: string) =>
  apiFetch<RouteView>(`/api/route/goals/${encodeURIComponent(goalId)}?version=${version}`, { method: 'DELETE' });
