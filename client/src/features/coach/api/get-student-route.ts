// GET /api/coach/routes/:studentId: one student's route with its level and progress (route null until they open it).
import { apiFetch } from '../../../lib/api-client';
import type { ActivityType, Environment, LearningForm } from '../../../lib/domain';
import type { LevelView, RouteProgress, RouteStatus } from './get-students';

export interface RouteEntry {
  activityId: string;
  status: 'planned' | 'in_progress' | 'done' | 'skipped';
}

export interface OwnActivity {
  id: string;
  title: string;
  description: string;
  environment: Environment;
  form: LearningForm;
  type: ActivityType;
  studyLoadHours: number;
  status: 'proposed' | 'approved' | 'rejected';
  reviewComment?: string;
}

export interface StudentRoute {
  id: string;
  status: RouteStatus;
  version: number;
  entries: RouteEntry[];
  ownActivities: OwnActivity[];
  learningGoals: { id: string; text: string }[];
  studyPlan: { ambition: string };
  levelOverride?: number;
  lastReview?: { decision: 'approved' | 'returned'; by: string; at: string; comment?: string };
}

/** What a coach-side change answers, too. */
export interface OpenRoute {
  route: StudentRoute;
  level: LevelView;
  progress: RouteProgress;
}

export type StudentRouteView = { student: { id: string; name: string | null }; playbook: { id: string; title: string } } & (OpenRoute | { route: null });

export const getStudentRoute = (studentId: string) => apiFetch<StudentRouteView>(`/api/coach/routes/${encodeURIComponent(studentId)}`);
