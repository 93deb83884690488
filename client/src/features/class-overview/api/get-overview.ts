// GET /api/class/overview: every student's progress, who stalled or never started, and the class's 3-3-5 coverage.
import { apiFetch } from '../../../lib/api-client';

export { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS } from '../../../lib/domain';
import type { ActivityType, Environment, LearningForm } from '../../../lib/domain';
export type { ActivityType, Environment, LearningForm };

export interface RouteProgress {
  done: number;
  total: number;
  inProgress: number;
  skipped: number;
  studyLoadDoneHours: number;
  studyLoadTotalHours: number;
  fraction: number;
}

export interface StudentOverview {
  id: string;
  name: string | null;
  hasLaunched: boolean;
  routeStatus: 'draft' | 'submitted' | 'approved' | 'returned' | null;
  progress: RouteProgress | null;
  perType: Record<ActivityType, number> | null;
  lastProgressAt: string | null;
  stalled: boolean;
  neverStarted: boolean;
}

export interface ClassOverviewData {
  playbook: { id: string; title: string; status: string };
  stalledDays: number;
  students: StudentOverview[];
  stalled: string[];
  neverStarted: string[];
  grid: { count: number; cells: { environment: Environment; form: LearningForm; count: number; studyLoadHours: number }[] };
  popularity: { activityId: string; title: string; environment: Environment; form: LearningForm; type: ActivityType; chosenBy: number; done: number }[];
  neverChosen: string[];
}

export const getClassOverview = (stalledDays: number) => apiFetch<ClassOverviewData>(`/api/class/overview?stalledDays=${stalledDays}`);
