// POST /api/route/withdraw: take a submitted route back to change it.
import { apiFetch } from '../../../lib/api-client';
import type { RouteView } from './types';

export const withdrawRoute = (version: number) => apiFetch<RouteView>('/api/route/withdraw', { method: 'POST', body: { version } });
