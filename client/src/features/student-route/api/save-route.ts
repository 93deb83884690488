// PUT /api/route: the whole composed route in order; 409 version_conflict when it changed elsewhere.
import { apiRequest } from '../../../lib/api-client';
import { routeViewSchema } from './schemas';

export const saveRoute = (version: number, activityIds: string[]) =>
  apiRequest('/api/route', routeViewSchema, { method: 'PUT', body: { version, entries: activityIds.map((activityId) => ({ activityId })) } });
