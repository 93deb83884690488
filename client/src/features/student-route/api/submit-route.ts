// POST /api/route/submit: send the route to the coach; 422 route_rules_violated while a rule is unmet.
import { apiFetch } from '../../../lib/api-client';
import type { RouteView } from './types';

export const submitRoute = (version: number) => apiFetch<RouteView>('/api/route/submit', { method: 'POST', body: { version } });
