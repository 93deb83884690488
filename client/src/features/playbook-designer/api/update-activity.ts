// PUT /api/playbook/activities/:id.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ifMatch, type ActivityInput } from './types';
import { activitySchema, revised } from './schemas';

export const updateActivity = (revision: number, id: string, activity: ActivityInput) =>
  apiRequest(`/api/playbook/activities/${encodeURIComponent(id)}`, revised(z.object({ activity: activitySchema })), { method: 'PUT', body: activity, headers: ifMatch(revision) });
