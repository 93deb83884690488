// GET /api/route: the student's own route (created from the recommended route on first read).
import { apiFetch } from '../../../lib/api-client';
import type { RouteView } from './types';

export const getRoute = () => apiFetch<RouteView>('/api/route');
