// POST /api/playbook/activities: a new activity in one cell of the grid.
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type ActivityInput, type ActivityView, type Revised } from './types';

export const createActivity = (revision: number, activity: ActivityInput) =>
  apiFetch<Revised<{ activity: ActivityView }>>('/api/playbook/activities', { method: 'POST', body: activity, headers: ifMatch(revision) });
