// PUT /api/route/study-plan: ambition, and when and how the outcome will be shown.
import { apiFetch } from '../../../lib/api-client';
import type { RouteView, StudyPlan } from './types';

export const saveStudyPlan = (version: number, plan: StudyPlan) => apiFetch<RouteView>('/api/route/study-plan', { method: 'PUT', body: { version, ...plan } });
