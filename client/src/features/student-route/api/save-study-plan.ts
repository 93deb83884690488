// PUT /api/route/study-plan: ambition, and when and how the outcome will be shown.
import { apiRequest } from '../../../lib/api-client';
import { routeViewSchema } from './schemas';
import type { StudyPlan } from './types';

export const saveStudyPlan = (version: number, plan: StudyPlan) => apiRequest('/api/route/study-plan', routeViewSchema, { method: 'PUT', body: { version, ...plan } });
