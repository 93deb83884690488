// PUT /api/route/progress/:activityId: planned, in progress, done or skipped.
import { apiFetch } from '../../../lib/api-client';
import type { EntryStatus, RouteView } from './types';

export const markProgress = (activityId: string, status: EntryStatus) =>
  apiFetch<RouteView>(`/api/route/progress/${encodeURIComponent(activityId)}`, { method: 'PUT', body: { status } });
