// POST /api/route/proposals: a level-4 student's own activity; it joins the route at once and waits for the coach's decision.
import { apiRequest } from '../../../lib/api-client';
import { routeViewSchema } from './schemas';
import type { ActivityType, Environment, LearningForm } from './types';

export interface ProposedActivity {
  title: string;
  description?: string;
  environment: Environment;
  form: LearningForm;
  type: ActivityType;
  studyLoadHours: number;
}

export const proposeActivity = (version: number, activity: ProposedActivity) => apiRequest('/api/route/proposals', routeViewSchema, { method: 'POST', body: { version, ...activity } });
