// PUT /api/route: the whole composed route in order; 409 version_conflict when it changed elsewhere.
import { apiFetch } from '../../../lib/api-client';
import type { RouteView } from './types';

export const saveRoute = (version: number, activityIds: string[]) =>
  apiFetch<RouteView>('/api/route', { method: 'PUT', body: { version, entries: activityIds.map((activityId) => ({ activityId })) } });
