// POST /api/route/withdraw: take a submitted route back to change it.
import { apiRequest } from '../../../lib/api-client';
import { routeViewSchema } from './schemas';

export const withdrawRoute = (version: number) => apiRequest('/api/route/withdraw', routeViewSchema, { method: 'POST', body: { version } });
