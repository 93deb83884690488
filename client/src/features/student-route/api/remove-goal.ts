// DELETE /api/route/goals/:goalId: drop a personal learning goal.
import { apiRequest } from '../../../lib/api-client';
import { routeViewSchema } from './schemas';

export const removeGoal = (version: number, goalId: string) =>
  apiRequest(`/api/route/goals/${encodeURIComponent(goalId)}?version=${version}`, routeViewSchema, { method: 'DELETE' });
