// PUT /api/playbook/activities/:id.
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type ActivityInput, type ActivityView, type Revised } from './types';

export const updateActivity = (revision: number, id: string, activity: ActivityInput) =>
  apiFetch<Revised<{ activity: ActivityView }>>(`/api/playbook/activities/${encodeURIComponent(id)}`, { method: 'PUT', body: activity, headers: ifMatch(revision) });
