// GET /api/route: the student's own route (created from the recommended route on first read).
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { routeViewSchema } from './schemas';

export const getRoute = () => apiRequest('/api/route', routeViewSchema);

export function useRouteQuery() {
  return useQuery({ queryKey: ['student', 'route'], queryFn: getRoute });
}
