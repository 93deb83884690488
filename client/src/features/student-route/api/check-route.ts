// GET /api/route/check: the server's rule check of the saved route.
import { apiRequest } from '../../../lib/api-client';
import { routeCheckSchema } from './schemas';

export const checkRoute = () => apiRequest('/api/route/check', routeCheckSchema);
