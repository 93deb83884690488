// PUT /api/playbook/recommended-route: the ordered route for the average student, checked against the rules.
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type DomainMessage, type Revised } from './types';

export const setRecommendedRoute = (revision: number, activityIds: string[]) =>
  apiFetch<Revised<{ recommendedRoute: string[]; check: { ok: boolean; violations: DomainMessage[] } }>>('/api/playbook/recommended-route', {
    method: 'PUT',
    body: { activityIds },
    headers: ifMatch(revision),
  });
