// PUT /api/route/progress/:activityId: planned, in progress, done or skipped.
import { apiRequest } from '../../../lib/api-client';
import { routeViewSchema } from './schemas';
import type { EntryStatus } from './types';

export const markProgress = (activityId: string, status: EntryStatus) =>
  apiRequest(`/api/route/progress/${encodeURIComponent(activityId)}`, routeViewSchema, { method: 'PUT', body: { status } });
