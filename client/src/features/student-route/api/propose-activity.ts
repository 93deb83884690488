// POST /api/route/proposals: a level-4 student's own activity; it joins the route at once and waits for the coach's decision.
import { apiFetch } from '../../../lib/api-client';
import type { ActivityType, Environment, LearningForm, RouteView } from './types';

export interface ProposedActivity {
  title: string;
  description?: string;
  environment: Environment;
  form: LearningForm;
  type: ActivityType;
  studyLoadHours: number;
}

export const proposeActivity = (version: number, activity: ProposedActivity) => apiFetch<RouteView>('/api/route/proposals', { method: 'POST', body: { version, ...activity } });
