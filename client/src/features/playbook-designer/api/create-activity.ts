// POST /api/playbook/activities: a new activity in one cell of the grid.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ifMatch, type ActivityInput } from './types';
import { activitySchema, revised } from './schemas';

export const createActivity = (revision: number, activity: ActivityInput) =>
  apiRequest('/api/playbook/activities', revised(z.object({ activity: activitySchema })), { method: 'POST', body: activity, headers: ifMatch(revision) });
