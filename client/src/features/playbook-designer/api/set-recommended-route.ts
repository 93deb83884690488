// PUT /api/playbook/recommended-route: the ordered route for the average student, checked against the rules.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ifMatch } from './types';
import { domainMessageSchema, revised } from './schemas';

const routeSchema = revised(z.object({ recommendedRoute: z.array(z.string()), check: z.object({ ok: z.boolean(), violations: z.array(domainMessageSchema) }) }));

export const setRecommendedRoute = (revision: number, activityIds: string[]) =>
  apiRequest('/api/playbook/recommended-route', routeSchema, {
    method: 'PUT',
    body: { activityIds },
    headers: ifMatch(revision),
  });
