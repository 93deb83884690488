// GET /api/route/check: the server's rule check of the saved route.
import { apiFetch } from '../../../lib/api-client';
import type { RouteCheck } from './types';

export const checkRoute = () => apiFetch<RouteCheck>('/api/route/check');
