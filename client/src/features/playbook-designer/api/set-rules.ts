// PUT /api/playbook/rules: what every student's route must satisfy.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ifMatch, type RouteRules } from './types';
import { revised, rulesSchema } from './schemas';

export const setRules = (revision: number, rules: RouteRules) =>
  apiRequest('/api/playbook/rules', revised(z.object({ rules: rulesSchema })), { method: 'PUT', body: rules, headers: ifMatch(revision) });
