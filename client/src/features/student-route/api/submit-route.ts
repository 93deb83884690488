// POST /api/route/submit: send the route to the coach; 422 route_rules_violated while a rule is unmet.
import { apiRequest } from '../../../lib/api-client';
import { routeViewSchema } from './schemas';

export const submitRoute = (version: number) => apiRequest('/api/route/submit', routeViewSchema, { method: 'POST', body: { version } });
