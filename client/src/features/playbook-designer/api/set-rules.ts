// PUT /api/playbook/rules: what every student's route must satisfy.
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type Revised, type RouteRules } from './types';

export const setRules = (revision: number, rules: RouteRules) =>
  apiFetch<Revised<{ rules: RouteRules }>>('/api/playbook/rules', { method: 'PUT', body: rules, headers: ifMatch(revision) });
